import CityscoreCharts
import CityscoreFormatting
import CityscoreModel
import CityscoreRouting
import CityscoreScoring
import CityscoreTemplating

/// Turns scores and values into the text a page shows: every number through the one `NumberFormat`,
/// every word from the strings file.
struct Display: Sendable {
    var format: NumberFormat
    var strings: Strings
    var urls: URLs
    /// The charts' words, from the same strings.
    var chartWords: ChartWords
    /// The trend badges, made once: every KPI row shows one.
    private var trends: [Trend: TemplateValue] = [:]

    init(format: NumberFormat, strings: Strings, urls: URLs, language: String = "en") {
        self.format = format
        self.strings = strings
        chartWords = ChartWords(strings.table, language: language)
        self.urls = urls
        for trend in [Trend.improving, .stable, .worsening] { trends[trend] = badge(trend) }
    }

    /// A value with its unit (`97 %`, `yes`, `not reported`); `published` is the value's cell as
    /// written, shown digit for digit (`97.00 %`, `0.001 %`).
    func value(_ value: ObservedValue, unit: String, published: String = "") -> String {
        switch value {
        case .number(let number):
            let text = format.published(published) ?? format.number(number)
            if unit.isEmpty { return text }
            if unit == "%" { return text + format.percentSpacing + "%" }
            if unit.hasPrefix("% ") { return text + format.percentSpacing + unit }
            return text + " " + unit
        case .yesNo(let yes): return yes ? strings["value_yes"] : strings["value_no"]
        case .notReported: return strings["value_not_reported"]
        case .notApplicable: return strings["value_not_applicable"]
        }
    }

    /// A row's value with its unit, digit for digit as published.
    func value(_ row: Observation, unit: String) -> String {
        value(row.value, unit: unit, published: row.valueText)
    }

    /// The unit of an item (``Units/resolve(_:)``).
    func unit(_ item: ItemScore) -> String { Units.resolve(item) }

    /// An achievement or score, never rounded into another band than `band`.
    func percent(_ value: Double?, band: Band? = nil) -> String? { value.map { format.percent($0, band: band) } }

    /// Band fields for templates: number, name, CSS class; "not scored" when nil.
    func band(_ band: Band?, capacity: Int = 4) -> Fields {
        var out = Fields(minimumCapacity: capacity)
        if let band {
            out["bandNumber"] = .string(String(band.rawValue))
            out["bandName"] = .string(strings["band_\(band.rawValue)"])
            out["bandClass"] = .string("band-\(band.rawValue)")
        } else {
            out["bandNumber"] = "–"
            out["bandName"] = .string(strings["band_none"])
            out["bandClass"] = "band-none"
        }
        return out
    }

    /// A group score for templates.
    func score(_ score: GroupScore) -> Fields {
        var out = band(score.band, capacity: 12)
        out["percent"] = .string(percent(score.percent, band: score.band) ?? strings["not_scored"])
        out["scored"] = .string(format.count(score.scored))
        out["reported"] = .string(format.count(score.reported))
        out["items"] = .string(format.count(score.items))
        out["notReported"] = .string(format.count(score.notReported))
        out["noTarget"] = .string(format.count(score.noTarget))
        out["isScored"] = .bool(score.percent != nil)
        out["coverage"] = .string(
            strings.format(
                "coverage_line",
                [
                    "reported": format.count(score.reported), "items": format.count(score.items),
                    "scored": format.count(score.scored),
                ]))
        return out
    }

    func trend(_ trend: Trend?) -> TemplateValue? {
        guard let trend else { return nil }
        return trends[trend] ?? badge(trend)
    }

    private func badge(_ trend: Trend) -> TemplateValue {
        let symbol: String
        switch trend {
        case .improving: symbol = "▲"
        case .stable: symbol = "▶"
        case .worsening: symbol = "▼"
        }
        return [
            "symbol": .string(symbol), "text": .string(strings["trend_\(trend.rawValue)"]),
            "class": "trend-\(trend.rawValue)",
        ]
    }

    func status(_ status: ItemStatus) -> String { strings["status_\(status.rawValue)"] }

    /// The words of where a target comes from.
    func targetOrigin(_ origin: TargetOrigin?, direction: Direction) -> String {
        switch origin {
        case .goal(let kind, let note):
            // An illustrative goal is always called so, whatever its note says.
            if kind == .illustrative || note.isEmpty { return strings["target_\(kind.rawValue)"] }
            return strings.format("target_with_note", ["kind": strings["target_\(kind.rawValue)"], "note": note])
        case .benchmark(let source):
            return source.isEmpty ? strings["target_benchmark"] : source
        case nil:
            return direction == .yesNo ? strings["target_yes_no"] : strings["target_none"]
        }
    }

    /// One KPI or data point of one city, with everything needed to trace its rating.
    /// `latestYear` is the latest year of the city's values: a value from another year says its year.
    func item(_ item: ItemScore, latestYear: Int? = nil) -> Fields {
        let unit = unit(item)
        var out = band(item.band, capacity: 32)
        out["code"] = .string(item.kpi.code)
        out["name"] = .string(item.kpi.name)
        out["label"] = .string(item.label)
        out["datapoint"] = item.datapoint.map(TemplateValue.string)
        out["indicatorURL"] = .string(urls.link(URLs.indicator(item.kpi)))
        out["direction"] = .string(strings["direction_\(item.direction.rawValue)"])
        out["status"] = .string(status(item.status))
        out["statusClass"] = .string("status-\(item.status.rawValue)")
        if let latest = item.latest {
            out["value"] = .string(value(latest, unit: unit))
            out["year"] = .string(String(latest.year))
            if let latestYear, latest.year != latestYear, latest.value.isReported {
                out["otherYear"] = .string(strings.format("value_year", ["year": String(latest.year)]))
            }
            if !latest.source.isEmpty { out["source"] = .string(latest.source) }
            if let url = latest.extra["x-source-url"], url.hasPrefix("https://") || url.hasPrefix("http://") {
                out["sourceURL"] = .string(url)
            }
            if !latest.note.isEmpty { out["note"] = .string(latest.note) }
            out["quality"] = .string(
                latest.quality.map { strings["quality_\($0.rawValue)"] } ?? strings["quality_not_stated"])
            out["verified"] = .string(
                latest.verified.map { $0 ? strings["value_yes"] : strings["value_no"] } ?? strings["not_stated"])
        } else {
            out["value"] = .string(strings["value_missing"])
        }
        if item.latest?.noBenchmark == true { out["noBenchmark"] = .string(strings["target_no_benchmark"]) }
        if let target = item.target, item.direction != .yesNo {
            out["target"] = .string(value(.number(target), unit: unit))
        }
        out["targetOrigin"] = .string(
            item.latest?.noBenchmark == true
                ? strings["target_no_benchmark"]
                : targetOrigin(item.targetOrigin, direction: item.direction))
        out["targetKind"] = item.targetOrigin.map { .string($0.kind.rawValue) }
        if let achievement = item.achievement {
            out["achievement"] = .string(format.percent(achievement, band: item.band))
        }
        if let points = item.points { out["points"] = .string(String(points)) }
        if let trend = trend(item.trend) { out["trend"] = trend }
        out["history"] = .list(
            item.history.map { row in
                ["year": .string(String(row.year)), "value": .string(value(row, unit: unit))]
            })
        out["hasHistory"] = .bool(item.history.count > 1)
        return out
    }
}
