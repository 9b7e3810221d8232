import CityscoreCharts
import CityscoreDiagnostics
import CityscoreMarkdown
import CityscoreModel
import CityscoreScoring
import CityscoreTemplating
import CityscoreText

/// The live values of narratives (`{{value "EC: ICT: ICT: 1C"}}`, `{{score "economy"}}`,
/// `{{chart "wheel"}}`): each formatted by the same ``Display`` and drawn by the same chart builders
/// as the pages, so a narrative never says other than its page, and a new year of data updates both.
struct LiveValues: Sendable {
    var scorecards: [Scorecard]
    var framework: Framework
    var display: Display
    var charts: ChartBuilder

    static let names = ["value", "target", "achievement", "band", "year", "score", "chart"]
    static let chartNames = ["wheel", "scores", "bullet"]

    var strings: Strings { display.strings }

    /// The city a narrative speaks of when a shortcode names none: the city of `cities/<slug>.md`
    /// and `cities/<slug>/<dimension>.md`; nil for free pages.
    static func city(ofDocument path: String, in scorecards: [Scorecard]) -> Int? {
        let parts = path.split(separator: "/")
        guard parts.count >= 3, parts[0] == "Content", parts[1] == "cities" else { return nil }
        let slug = parts.count == 3 ? String(parts[2].dropLast(3)) : String(parts[2])
        return scorecards.firstIndex { $0.city.slug == slug }
    }

    /// What `code` becomes in a narrative about the city at `city` (nil: a free page).
    func expand(_ code: Shortcode, city: Int?) -> ShortcodeOutput {
        do throws(LiveProblem) {
            guard Self.names.contains(code.name) else {
                throw problem(
                    "\"\(code.name)\" in \(code.text) is not a live value",
                    fix: Suggestions.didYouMean(code.name, in: Self.names)
                        ?? "use one of: " + Self.names.joined(separator: ", "))
            }
            for key in code.named.keys.sorted() where key != "city" {
                throw problem(
                    "\(code.text) has an argument \(key)=\"…\" that live values do not take",
                    fix: "the only named argument is city=\"slug\"")
            }
            let card = try scorecard(code, default: city)
            switch code.name {
            case "score": return .text(try score(code, card))
            case "chart": return .block(try chart(code, card))
            default: return .text(try itemText(code, card))
            }
        } catch {
            return .problem(.error(error.message, at: code.location, suggestion: error.fix, code: .liveValue))
        }
    }

    struct LiveProblem: Error {
        var message: String
        var fix: String?
    }

    func problem(_ message: String, fix: String? = nil) -> LiveProblem { LiveProblem(message: message, fix: fix) }

    func scorecard(_ code: Shortcode, default city: Int?) throws(LiveProblem) -> Scorecard {
        let slugs = scorecards.map(\.city.slug)
        if let slug = code.named["city"] {
            guard let card = scorecards.first(where: { $0.city.slug == slug }) else {
                throw problem(
                    "\(code.text) names the city \"\(slug)\", which is not a city of this site",
                    fix: Suggestions.didYouMean(slug, in: slugs)
                        ?? "cities are named by the file name of Content/cities/<slug>.md")
            }
            return card
        }
        guard let city else {
            throw problem(
                "\(code.text) does not say which city it quotes (this page is not a city's)",
                fix: "add city=\"\(slugs.first ?? "slug")\"")
        }
        return scorecards[city]
    }

    /// The item a value, target, achievement, band or year shortcode names: a KPI code and, for a
    /// KPI with data points, the data point.
    func item(_ code: Shortcode, _ card: Scorecard, from first: Int = 0) throws(LiveProblem) -> ItemScore {
        let arguments = Array(code.arguments.dropFirst(first))
        guard let kpiCode = arguments.first else {
            throw problem(
                "\(code.text) does not name a KPI",
                fix: "name it by its code, e.g. {{\(code.name) \"EC: ICT: ICT: 1C\"}}")
        }
        guard arguments.count <= 2 else {
            throw problem("\(code.text) has more arguments than a KPI code and a data point")
        }
        guard let kpi = framework.kpi(kpiCode) else {
            throw problem(
                "\(code.text) names the KPI \"\(kpiCode)\", which is not in the framework",
                fix: Suggestions.didYouMean(kpiCode, in: framework.kpis.map(\.code)))
        }
        let datapoint = arguments.count > 1 ? arguments[1] : nil
        if kpi.datapoints.isEmpty, let datapoint {
            throw problem("\(code.text): the KPI \(kpi.code) has no data points, so \"\(datapoint)\" is not one")
        }
        if !kpi.datapoints.isEmpty {
            guard let datapoint else {
                throw problem(
                    "\(code.text): the KPI \(kpi.code) has data points; say which",
                    fix: "e.g. {{\(code.name) \"\(kpi.code)\" \"\(kpi.datapoints[0])\"}} (data points: "
                        + kpi.datapoints.joined(separator: ", ") + ")")
            }
            guard kpi.datapoints.contains(datapoint) else {
                throw problem(
                    "\(code.text) names the data point \"\(datapoint)\", which the KPI \(kpi.code) does not have",
                    fix: Suggestions.didYouMean(datapoint, in: kpi.datapoints)
                        ?? "data points: " + kpi.datapoints.joined(separator: ", "))
            }
        }
        guard let item = card.item(kpi.code, datapoint: datapoint) else {
            throw problem("\(code.text): the KPI \(kpi.code) is not scored for \(card.city.name)")
        }
        return item
    }

    /// A value, target, achievement, band or year, in the words and numbers of the pages.
    func itemText(_ code: Shortcode, _ card: Scorecard) throws(LiveProblem) -> String {
        let item = try item(code, card)
        let unit = display.unit(item)
        switch code.name {
        case "value":
            return item.latest.map { display.value($0, unit: unit) } ?? strings["value_missing"]
        case "target":
            if item.direction == .yesNo { return strings["target_yes_no"] }
            return item.target.map { display.value(.number($0), unit: unit) } ?? strings["live_no_target"]
        case "achievement":
            guard let achievement = item.achievement else { return Self.absence(item, strings) }
            return display.format.percent(achievement, band: item.band)
        case "band":
            guard let band = item.band else { return Self.absence(item, strings) }
            return strings["band_\(band.rawValue)"]
        default:  // year
            return item.latest.map { String($0.year) } ?? strings["value_missing"]
        }
    }

    /// Why an item has no achievement or band, in the page's words: not reported, no value, not
    /// applicable, no target.
    static func absence(_ item: ItemScore, _ strings: Strings) -> String {
        switch item.status {
        case .notReported: strings["value_not_reported"]
        case .missing: strings["value_missing"]
        case .notApplicable: strings["value_not_applicable"]
        case .noTarget, .scored: strings["live_no_target"]
        }
    }

    /// The city's score, a dimension's, or a sub-dimension's or category's within a dimension.
    func score(_ code: Shortcode, _ card: Scorecard) throws(LiveProblem) -> String {
        let score = try group(code, card)
        return display.percent(score.percent, band: score.band) ?? strings["not_scored"]
    }

    func group(_ code: Shortcode, _ card: Scorecard) throws(LiveProblem) -> GroupScore {
        guard let dimensionName = code.arguments.first else { return card.overall }
        guard code.arguments.count <= 2 else {
            throw problem("\(code.text) has more arguments than a dimension and one of its parts")
        }
        func matches(_ name: String, _ slug: String, _ written: String) -> Bool {
            slug == Slug.make(written) || name.lowercased() == written.lowercased()
        }
        guard let dimension = card.dimensions.first(where: { matches($0.name, $0.slug, dimensionName) }) else {
            throw problem(
                "\(code.text) names the dimension \"\(dimensionName)\", which is not in the framework",
                fix: Suggestions.didYouMean(dimensionName, in: card.dimensions.map(\.slug))
                    ?? "dimensions: " + card.dimensions.map(\.slug).joined(separator: ", "))
        }
        guard code.arguments.count == 2 else { return dimension.score }
        let part = code.arguments[1]
        if let sub = dimension.subdimensions.first(where: { matches($0.name, $0.slug, part) }) { return sub.score }
        if let category = dimension.categories.first(where: { matches($0.name, $0.slug, part) }) {
            return category.score
        }
        let names = dimension.subdimensions.map(\.name) + dimension.categories.map(\.name)
        throw problem(
            "\(code.text) names \"\(part)\", which is neither a sub-dimension nor a category of \(dimension.name)",
            fix: Suggestions.didYouMean(part, in: names) ?? "for example: " + names.prefix(4).joined(separator: ", "))
    }

    /// A chart as a figure with its description and its data as a table (the text alternative).
    func chart(_ code: Shortcode, _ card: Scorecard) throws(LiveProblem) -> String {
        guard let name = code.arguments.first else {
            throw problem("\(code.text) does not say which chart", fix: "e.g. {{chart \"wheel\"}}")
        }
        let id = "live-\(Slug.make(name))-\(code.location.line)-\(code.location.column)"
        let chart: Chart
        switch name {
        case "wheel":
            guard code.arguments.count == 1 else { throw problem("\(code.text): the wheel takes no KPI") }
            chart = BenchmarkWheel(
                city: card.city.name, overall: ChartBuilder.score(card.overall),
                dimensions: charts.tree(card, depth: 3), levelNames: charts.levelNames
            ).render(id: id, format: display.format, words: display.chartWords)
        case "scores":
            guard code.arguments.count == 1 else { throw problem("\(code.text): the score bars take no KPI") }
            chart = ScoreBars(
                city: card.city.name, items: charts.tree(card, depth: 2), levels: 2, levelNames: charts.levelNames
            ).render(id: id, format: display.format, words: display.chartWords)
        case "bullet":
            let item = try item(code, card, from: 1)
            guard let latest = item.latest else {
                throw problem(
                    "\(code.text): \(card.city.name) has no value for \(item.label) in this site's data to chart")
            }
            chart = BulletChart(
                name: item.label, unit: display.unit(item), direction: item.direction, value: latest.value,
                target: item.target, year: latest.year, size: .full, score: ChartBuilder.score(item),
                published: latest.valueText
            ).render(id: id, format: display.format, words: display.chartWords)
        default:
            throw problem(
                "\(code.text) names the chart \"\(name)\", which narratives cannot show",
                fix: Suggestions.didYouMean(name, in: Self.chartNames)
                    ?? "charts: " + Self.chartNames.joined(separator: ", "))
        }
        let figure = charts.figure(chart, page: "", file: nil)
        return figureHTML(figure)
    }

    /// The same markup as the theme's chart partial: caption, drawing, data table.
    func figureHTML(_ figure: ChartFigure) -> String {
        let escape = HTMLEscaping.escape
        var html = "<figure class=\"chart live-chart\" id=\"\(escape(figure.id))\">\n"
        html += "<figcaption>\(escape(figure.description))</figcaption>\n\(figure.svg)\n"
        html += "<details class=\"chart-data\">\n<summary>\(escape(strings["chart_data"]))</summary>\n"
        html += "<div class=\"table-scroll\">\n<table>\n<caption>\(escape(figure.caption))</caption>\n<thead><tr>"
        for (i, header) in figure.headers.enumerated() {
            html += "<th scope=\"col\"\(figure.numeric.contains(i) ? " class=\"num\"" : "")>\(escape(header))</th>"
        }
        html += "</tr></thead>\n<tbody>\n\(figure.tableRows)</tbody>\n</table>\n</div>\n</details>\n</figure>\n"
        return html
    }
}
