import CityscoreModel
import CityscoreText
import Foundation

/// How a sheet lays out its values.
public enum Layout: String, Sendable, CaseIterable {
    /// The results CSV's own columns: city, kpi, datapoint, year, value, unit, ….
    case tidy
    /// The U4SSC data collection template: one row per KPI or data point with code, result, unit,
    /// verified, data quality, origin and source.
    case template
    /// One row per KPI (and data point), one column per year.
    case wide
}

/// What a column of the sheet holds, in the results CSV's terms.
enum Field: String, CaseIterable, Sendable {
    case city, kpi, datapoint, year, value, unit, source, note, quality, verified, benchmark
    /// Template only: whether the value was reported (YES/NO).
    case reported
    /// Template only: where the data comes from; kept as the `x-origin` column.
    case origin
    /// A city's display name and country, for `--create-cities`.
    case cityName, country
}

/// The header row of a sheet, understood.
struct HeaderMap: Sendable {
    var layout: Layout
    var row: Int
    var columns: [Field: Int] = [:]
    /// Wide layout: the year of each year column.
    var years: [(column: Int, year: Int)] = []
    /// Tidy layout: `x-` columns, kept as they are.
    var extras: [(name: String, column: Int)] = []
    /// Header texts by column, for reporting.
    var headers: [Int: String] = [:]

    /// Header cells are compared by their letters and digits only, lowercased and without accents:
    /// `Data Quality`, `data_quality` and `DATA QUALITY ` are the same.
    static func key(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        return String(
            folded.unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }.map(Character.init))
    }

    /// The field a header names, if any.
    static func field(_ key: String) -> Field? {
        switch key {
        case "city", "cityslug", "slug", "municipality", "citycode": return .city
        case "cityname", "municipalityname": return .cityName
        case "country": return .country
        case "kpi", "code", "kpicode", "indicatorcode", "kpiid", "kpinumber": return .kpi
        case "year", "datayear", "referenceyear", "yearofdata", "reportingyear": return .year
        case "value", "result", "results", "calculatedresult", "finalresult", "finalvalue", "kpivalue",
            "calculatedvalue":
            return .value
        case "note", "notes", "comment", "comments", "remark", "remarks": return .note
        case "benchmark": return .benchmark
        default: break
        }
        if key.contains("datapoint") { return .datapoint }
        if key.hasPrefix("unit") { return .unit }
        if key.contains("verified") || key.contains("verification") { return .verified }
        if key.contains("reported") { return .reported }
        if key.contains("quality") { return .quality }
        if key.contains("origin") { return .origin }
        if key.contains("source") { return .source }
        if key.hasSuffix("kpicode") || key.hasSuffix("indicatorcode") { return .kpi }
        if key.contains("result") { return .value }
        return nil
    }

    /// The year a header cell names (`2020`, the number 2020, or a date in 2020), if any.
    static func year(_ value: CellValue) -> Int? {
        switch value {
        case .number(let n, false) where n == n.rounded() && (1900...2200).contains(n): return Int(n)
        case .date(let year, _, _) where (1900...2200).contains(year): return year
        case .text(let text):
            let trimmed = text.trimmingSpaces
            guard trimmed.utf8.count == 4, let n = Int(trimmed), (1900...2200).contains(n) else { return nil }
            return n
        default: return nil
        }
    }

    /// The header map of `row` when it is a header row (in `forced` layout, if given).
    static func detect(_ row: SheetRow, forced: Layout?) -> HeaderMap? {
        guard row.cells.count >= 2 else { return nil }
        var map = HeaderMap(layout: .template, row: row.number)
        var allTidy = true
        for cell in row.cells {
            if let year = year(cell.value) {
                map.years.append((cell.column, year))
                map.headers[cell.column] = String(year)
                continue
            }
            guard case .text(let text) = cell.value else { continue }
            map.headers[cell.column] = text
            let lowered = text.trimmingSpaces.lowercased()
            if lowered.hasPrefix("x-") {
                map.extras.append((lowered, cell.column))
                continue
            }
            let key = key(text)
            if !DataColumns.results.contains(lowered) { allTidy = false }
            guard let field = field(key), map.columns[field] == nil else { continue }
            map.columns[field] = cell.column
        }
        guard map.columns[.kpi] != nil else { return nil }
        let hasValue = map.columns[.value] != nil
        switch forced {
        case .tidy?: map.layout = .tidy
        case .template?: map.layout = .template
        case .wide?: map.layout = .wide
        case nil:
            if !map.years.isEmpty && !hasValue {
                map.layout = .wide
            } else if hasValue && allTidy && map.columns[.year] != nil {
                map.layout = .tidy
            } else if hasValue {
                map.layout = .template
            } else {
                return nil
            }
        }
        if map.layout == .wide {
            guard !map.years.isEmpty else { return nil }
        } else {
            guard hasValue else { return nil }
            map.years = []
        }
        if map.layout != .tidy { map.extras = [] }
        return map
    }

    /// `A "Code" → kpi, C "Result" → value, …` for the report.
    var described: String {
        var parts: [(Int, String)] = []
        for (field, column) in columns {
            let target =
                switch field {
                case .origin: "x-origin"
                case .reported: "reported (NO means not reported)"
                case .cityName: "city name"
                default: field.rawValue
                }
            parts.append(
                (column, "\(CellAddress.letters(column)) \((headers[column] ?? "").quotedForReport) → \(target)"))
        }
        for (name, column) in extras { parts.append((column, "\(CellAddress.letters(column)) → \(name)")) }
        for (column, year) in years { parts.append((column, "\(CellAddress.letters(column)) → value of \(year)")) }
        return parts.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: ", ")
    }
}

extension String {
    var quotedForReport: String {
        let short = count > 40 ? String(prefix(40)) + "…" : self
        return "\"" + short.replacingOccurrences(of: "\n", with: " ") + "\""
    }
}

/// The six U4SSC data-quality wordings and the results CSV's words for them.
enum QualityWording {
    static func level(_ text: String) -> String? {
        let key = HeaderMap.key(text)
        guard !key.isEmpty else { return nil }
        if let exact = DataQuality.allCases.first(where: { HeaderMap.key($0.rawValue) == key }) {
            return exact.rawValue
        }
        if key.contains("accuratemeasure") || key.contains("measurement") || key == "measured" { return "measured" }
        if key.contains("survey") { return "survey" }
        if key.contains("higherlevel") { return "higher-level" }
        if key.contains("assumption") { return "assumptions" }
        if key.contains("personalestimat") { return "personal-estimate" }
        if key.contains("unknown") || key.contains("nottraceable") { return "unknown" }
        return nil
    }
}
