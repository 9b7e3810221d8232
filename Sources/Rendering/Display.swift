import Model
import Scoring
import Templating

/// Turns scores and values into the text a page shows: every number through the one `NumberFormat`,
/// every word from the strings file.
struct Display: Sendable {
    var format: NumberFormat
    var strings: Strings
    var urls: URLs
    /// The trend badges, made once: every KPI row shows one.
    private var trends: [Trend: TemplateValue] = [:]

    init(format: NumberFormat, strings: Strings, urls: URLs) {
        self.format = format
        self.strings = strings
        self.urls = urls
        for trend in [Trend.improving, .stable, .worsening] { trends[trend] = badge(trend) }
    }

    /// A value with its unit (`97 %`, `yes`, `not reported`).
    func value(_ value: ObservedValue, unit: String) -> String {
        switch value {
        case .number(let number):
            let text = format.number(number)
            if unit.isEmpty { return text }
            if unit == "%" { return text + format.percentSpacing + "%" }
            return text + " " + unit
        case .yesNo(let yes): return yes ? strings["value_yes"] : strings["value_no"]
        case .notReported: return strings["value_not_reported"]
        }
    }

    /// The unit of an item: the one reported with the latest value, else the framework's.
    func unit(_ item: ItemScore) -> String {
        let reported = item.latest?.unit ?? ""
        return reported.isEmpty ? (item.kpi.unit == "Percentage" ? "%" : "") : reported
    }

    func percent(_ value: Double?) -> String? { value.map { format.percent($0) } }

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
        out["percent"] = .string(percent(score.percent) ?? strings["not_scored"])
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

    /// One KPI or data point of one city, with everything needed to trace its rating.
    func item(_ item: ItemScore) -> Fields {
        let unit = unit(item)
        var out = band(item.band, capacity: 32)
        out["code"] = .string(item.kpi.code)
        out["name"] = .string(item.kpi.name)
        out["label"] = .string(item.label)
        out["datapoint"] = item.datapoint.map(TemplateValue.string)
        out["indicatorURL"] = .string(urls.link(URLs.indicator(item.kpi)))
        out["direction"] = .string(strings["direction_\(item.kpi.direction.rawValue)"])
        out["status"] = .string(status(item.status))
        out["statusClass"] = .string("status-\(item.status.rawValue)")
        if let latest = item.latest {
            out["value"] = .string(value(latest.value, unit: unit))
            out["year"] = .string(String(latest.year))
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
        if let target = item.target, item.kpi.direction != .yesNo {
            out["target"] = .string(value(.number(target), unit: unit))
        }
        switch item.targetOrigin {
        case .local(let note): out["targetOrigin"] = .string(note.isEmpty ? strings["target_local"] : note)
        case .benchmark(let source):
            out["targetOrigin"] = .string(source.isEmpty ? strings["target_benchmark"] : source)
        case nil:
            out["targetOrigin"] = .string(
                item.kpi.direction == .yesNo ? strings["target_yes_no"] : strings["target_none"])
        }
        if let achievement = item.achievement { out["achievement"] = .string(format.percent(achievement)) }
        if let points = item.points { out["points"] = .string(String(points)) }
        if let trend = trend(item.trend) { out["trend"] = trend }
        out["history"] = .list(
            item.history.map { row in
                ["year": .string(String(row.year)), "value": .string(value(row.value, unit: unit))]
            })
        out["hasHistory"] = .bool(item.history.count > 1)
        return out
    }
}
