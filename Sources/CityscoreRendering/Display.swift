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
    private var trends: [Trend: TrendBadge] = [:]

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
    func bandFields(_ band: Band?) -> BandFields {
        guard let band else {
            return BandFields(bandNumber: "–", bandName: strings["band_none"], bandClass: "band-none")
        }
        return BandFields(
            bandNumber: String(band.rawValue), bandName: strings["band_\(band.rawValue)"],
            bandClass: "band-\(band.rawValue)")
    }

    /// A group score for templates.
    func scoreFields(_ score: GroupScore) -> ScoreFields {
        ScoreFields(
            band: bandFields(score.band),
            percent: percent(score.percent, band: score.band) ?? strings["not_scored"],
            scored: format.count(score.scored), reported: format.count(score.reported),
            items: format.count(score.items), notReported: format.count(score.notReported),
            noTarget: format.count(score.noTarget), isScored: score.percent != nil,
            coverage: strings.format(
                "coverage_line",
                [
                    "reported": format.count(score.reported), "items": format.count(score.items),
                    "scored": format.count(score.scored),
                ]))
    }

    func trend(_ trend: Trend?) -> TrendBadge? {
        guard let trend else { return nil }
        return trends[trend] ?? badge(trend)
    }

    private func badge(_ trend: Trend) -> TrendBadge {
        let symbol: String
        switch trend {
        case .improving: symbol = "▲"
        case .stable: symbol = "▶"
        case .worsening: symbol = "▼"
        }
        return TrendBadge(symbol: symbol, text: strings["trend_\(trend.rawValue)"], class: "trend-\(trend.rawValue)")
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
    func itemRow(_ item: ItemScore, latestYear: Int? = nil) -> ItemRow {
        let unit = unit(item)
        let latest = item.latest
        var row = ItemRow(
            band: bandFields(item.band), code: item.kpi.code, name: item.kpi.name, label: item.label,
            datapoint: item.datapoint, indicatorURL: urls.link(URLs.indicator(item.kpi)),
            direction: strings["direction_\(item.direction.rawValue)"], status: status(item.status),
            statusClass: "status-\(item.status.rawValue)", value: strings["value_missing"],
            targetOrigin: latest?.noBenchmark == true
                ? strings["target_no_benchmark"] : targetOrigin(item.targetOrigin, direction: item.direction),
            targetKind: item.targetOrigin.map { $0.kind.rawValue },
            history: item.history.map { HistoryEntry(year: String($0.year), value: value($0, unit: unit)) },
            hasHistory: item.history.count > 1)
        if let latest {
            row.value = value(latest, unit: unit)
            row.year = String(latest.year)
            if let latestYear, latest.year != latestYear, latest.value.isReported {
                row.otherYear = strings.format("value_year", ["year": String(latest.year)])
            }
            if !latest.source.isEmpty { row.source = latest.source }
            if let url = latest.extra["x-source-url"], url.hasPrefix("https://") || url.hasPrefix("http://") {
                row.sourceURL = url
            }
            if !latest.note.isEmpty { row.note = latest.note }
            row.quality = latest.quality.map { strings["quality_\($0.rawValue)"] } ?? strings["quality_not_stated"]
            row.verified =
                latest.verified.map { $0 ? strings["value_yes"] : strings["value_no"] } ?? strings["not_stated"]
            if latest.noBenchmark { row.noBenchmark = strings["target_no_benchmark"] }
        }
        if let target = item.target, item.direction != .yesNo { row.target = value(.number(target), unit: unit) }
        if let achievement = item.achievement { row.achievement = format.percent(achievement, band: item.band) }
        if let points = item.points { row.points = String(points) }
        row.trend = trend(item.trend)
        return row
    }
}
