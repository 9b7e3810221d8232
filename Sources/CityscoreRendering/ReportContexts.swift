import CityscoreModel
import CityscoreRouting
import CityscoreScoring
import CityscoreTemplating

/// The print-ready reports: a city report (`cities/<slug>/report/`) and a programme report
/// (`report/`), laid out for paged media (theme/report.css). Their resources are linked relative
/// to the page, so that a browser prints them from the written folder whatever the base URL.
extension Contexts {
    /// `report_paper` of `site.yml`: `letter` or (the default) `A4`, as CSS `@page` names it.
    var reportPaper: String { site.config.params["report_paper"]?.lowercased() == "letter" ? "letter" : "A4" }

    /// Whether `build` prints the reports to PDF into the site (`report_pdf: true`).
    var reportPDF: Bool { site.config.params["report_pdf"]?.lowercased() == "true" }

    /// The fields both reports share: the page (its title is the PDF's), the paper, the running
    /// header and the page numbers, the stylesheets relative to the page, the PDF when it is written.
    func reportBase(path: String, title: String, header: String, pdf: String) -> Fields {
        var context = base(path: path, title: title, description: title, breadcrumbs: [], section: "")
        // The page is written under its language's folder (`nb/`); the theme's files are shared.
        let written = urls.languagePrefix + path
        let root = String(repeating: "../", count: written.filter { $0 == "/" }.count)
        var report: Fields = [
            "paper": .string(reportPaper),
            "pageCSS": .string(
                Self.pageCSS(paper: reportPaper, header: header, site: site.config.title, strings: strings)),
            "css": .string(root + "theme/report.css"), "siteCSS": .string(root + "theme/site.css"),
            "chartsCSS": .string(root + "theme/charts.css"),
        ]
        if reportPDF { report["pdf"] = .string(root + URLs.reportPDF(pdf)) }
        context["report"] = .object(report)
        return context
    }

    /// The `@page` rules: paper, running header (the report on the left, the site on the right) and
    /// "Page n of m" below, none of them on the cover. Texts are written as CSS strings.
    static func pageCSS(paper: String, header: String, site: String, strings: Strings) -> String {
        let pageOf = strings["report_page_of"]
        var counter: [String] = []
        var rest = pageOf[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { counter.append(cssString(String(rest[..<open]))) }
            let name = rest[rest.index(after: open)..<close]
            counter.append(
                name == "pages" ? "counter(pages)" : name == "page" ? "counter(page)" : cssString(String(name)))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { counter.append(cssString(String(rest))) }
        return """
            @page { size: \(paper); margin: 20mm 17mm 18mm;
              @top-left { content: \(cssString(header)); }
              @top-right { content: \(cssString(site)); }
              @bottom-right { content: \(counter.joined(separator: " ")); } }
            @page :first { @top-left { content: none; } @top-right { content: none; } @bottom-right { content: none; } }
            """
    }

    /// `text` as a CSS string: quotes, backslashes, angle brackets (no `</style>`) and control
    /// characters escaped.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\": out += "\\" + String(scalar)
            case "<", ">": out += "\\" + String(scalar.value, radix: 16) + " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\" + String(scalar.value, radix: 16) + " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The bands of the method, from the best.
    func bandRows() -> TemplateValue {
        .list(
            Band.allCases.reversed().map { band in
                var b = display.band(band)
                b["points"] = .string(String(band.points))
                b["from"] = .string(display.format.percent(band.lowerBound, maxFractionDigits: 0))
                return .object(b)
            })
    }

    /// The years of a set of cities' values, `2017–2019` or `2019`.
    func yearSpan(_ cards: [Scorecard]) -> String? {
        let latest = cards.compactMap(\.coverage.latestYear).max()
        let earliest = cards.compactMap(\.coverage.earliestYear).min()
        guard let latest, let earliest else { return nil }
        return earliest == latest ? String(latest) : "\(earliest)–\(latest)"
    }

    func tocEntry(_ id: String, _ text: String) -> TemplateValue { ["id": .string(id), "text": .string(text)] }

    // MARK: The city report

    func cityReport(_ card: Scorecard, _ route: Route) -> Fields {
        let path = route.path
        let title = strings.format("report_city_title", ["city": card.city.name])
        var context = reportBase(path: path, title: title, header: title, pdf: card.city.slug)
        // The city page's own parts: card, narrative, dimension scores, coverage.
        var cityPlace = route.place
        cityPlace.path = URLs.city(card.city.slug)
        let page = city(card, Route(kind: .city, place: cityPlace, language: route.language))
        for key in ["city", "narrative", "dimensionScores", "coverage"] { context[key] = page[key] }
        let charts = ChartBuilder(site: site, scorecards: scorecards, display: display, urls: urls)
        let latestYear = card.coverage.latestYear
        var cover: Fields = ["kicker": .string(strings["report_city_kicker"]), "title": .string(card.city.name)]
        cover["subtitle"] = .string([card.city.country, card.city.region].compactMap { $0 }.joined(separator: " · "))
        if let span = yearSpan([card]) {
            cover["years"] = .string(strings.format("report_values_years", ["years": span]))
        }
        context["cover"] = .object(cover)
        context["wheel"] = charts.reportWheel(card).context

        var toc: [TemplateValue] = [tocEntry("summary", strings["report_summary"])]
        if context["narrative"] != nil { toc.append(tocEntry("narrative", strings["narrative"])) }
        var dimensions: [TemplateValue] = []
        for (d, dim) in card.dimensions.enumerated() {
            let id = "dimension-\(dim.slug)"
            toc.append(tocEntry(id, dim.name))
            var rows: [TemplateValue] = []
            for sub in dim.subdimensions {
                for cat in sub.categories {
                    let reported = cat.items.filter { $0.status == .scored || $0.status == .noTarget }
                    for (i, item) in reported.enumerated() {
                        var row = display.item(item, latestYear: latestYear)
                        if i == 0 { row["category"] = .string(cat.name) }
                        row["first"] = .bool(i == 0)
                        rows.append(.object(row))
                    }
                }
            }
            var entry = display.score(dim.score)
            entry["id"] = .string(id)
            entry["name"] = .string(dim.name)
            entry["chart"] = charts.reportDimensionBars(card, d).context
            entry["rows"] = .list(rows)
            entry["hasRows"] = .bool(!rows.isEmpty)
            entry["subdimensions"] = .list(
                dim.subdimensions.map { sub in
                    var s = display.score(sub.score)
                    s["name"] = .string(sub.name)
                    return .object(s)
                })
            dimensions.append(.object(entry))
        }
        context["dimensions"] = .list(dimensions)

        let items = card.dimensions.flatMap(\.items)
        let notReported = items.filter { $0.status == .notReported || $0.status == .missing }
        let noBenchmark = items.filter { $0.status == .noTarget }
        context["notReported"] = .list(
            notReported.map { item in
                var row = display.item(item, latestYear: latestYear)
                row["dimension"] = .string(item.kpi.dimension)
                row["category"] = .string(item.kpi.category)
                return .object(row)
            })
        context["noBenchmark"] = .list(noBenchmark.map { .object(display.item($0, latestYear: latestYear)) })
        context["actNext"] = .list(actNext(card))
        context["sources"] = .list(sources(items))
        context["bands"] = bandRows()
        context["frameworkOrigin"] = .string(site.framework.origin)
        toc += [
            tocEntry("not-reported", strings["report_not_reported"]),
            tocEntry("no-benchmark", strings["report_no_benchmark"]),
            tocEntry("act-next", strings["report_act_next"]),
            tocEntry("sources", strings["report_sources"]),
            tocEntry("method", strings["report_method"]),
        ]
        context["toc"] = .list(toc)
        return context
    }

    /// The city's weakest categories (scored, lowest first), each with its KPIs furthest from target.
    func actNext(_ card: Scorecard, count: Int = 5) -> [TemplateValue] {
        let categories = card.dimensions.flatMap { dim in
            dim.subdimensions.flatMap { sub in sub.categories.map { (dim.name, sub.name, $0) } }
        }
        .filter { $0.2.score.percent != nil }
        .sorted { ($0.2.score.percent ?? 0, $0.2.name) < ($1.2.score.percent ?? 0, $1.2.name) }
        return categories.prefix(count).map { dimension, subdimension, cat in
            var entry = display.score(cat.score)
            entry["name"] = .string(cat.name)
            entry["dimension"] = .string("\(dimension) · \(subdimension)")
            let weakest = cat.items.filter { $0.achievement != nil }
                .sorted { ($0.achievement ?? 0, $0.kpi.code) < ($1.achievement ?? 0, $1.kpi.code) }.prefix(3)
            entry["kpis"] = .list(weakest.map { .object(display.item($0, latestYear: card.coverage.latestYear)) })
            return .object(entry)
        }
    }

    /// The sources of the reported values, each once with its address and how many values it gave.
    func sources(_ items: [ItemScore]) -> [TemplateValue] {
        var counts: [String: (source: String, url: String?, count: Int)] = [:]
        for item in items {
            guard let latest = item.latest, latest.value.isReported, !latest.source.isEmpty else { continue }
            let url = latest.extra["x-source-url"].flatMap {
                $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil
            }
            let key = latest.source + "\u{0}" + (url ?? "")
            counts[key, default: (latest.source, url, 0)].count += 1
        }
        return counts.values.sorted { ($1.count, $0.source) < ($0.count, $1.source) }.map { entry in
            var out: Fields = ["text": .string(entry.source), "count": count(entry.count)]
            if let url = entry.url { out["url"] = .string(url) }
            return .object(out)
        }
    }

    // MARK: The programme report

    func programmeReport(_ route: Route) -> Fields {
        let path = route.path
        let title = strings.format("report_programme_title", ["site": site.config.title])
        var context = reportBase(
            path: path, title: strings["report_programme_kicker"], header: strings["report_programme_kicker"],
            pdf: "programme")
        let charts = ChartBuilder(site: site, scorecards: scorecards, display: display, urls: urls)
        var cover: Fields = [
            "kicker": .string(strings["report_programme_kicker"]), "title": .string(title),
            "subtitle": .string(
                strings.format(
                    "report_programme_subtitle",
                    ["cities": display.format.count(scorecards.count), "kpis": display.format.count(kpis.count)])),
        ]
        if let span = yearSpan(scorecards) {
            cover["years"] = .string(strings.format("report_values_years", ["years": span]))
        }
        context["cover"] = .object(cover)
        context["overview"] = charts.reportOverviewHeatMap(overall: strings["report_overall"]).context
        context["dimensionNames"] = TemplateValue(site.framework.dimensions.map(\.name))
        context["cities"] = .list(cards)
        var toc = [tocEntry("overview", strings["report_overview"])]
        context["dimensions"] = .list(
            site.framework.dimensions.enumerated().map { d, dim in
                let id = "dimension-\(dim.slug)"
                toc.append(tocEntry(id, dim.name))
                return [
                    "id": .string(id), "name": .string(dim.name), "chart": charts.reportHeatMap(d).context,
                    "rows": .list(
                        scorecards.map { card in
                            var row = display.score(card.dimensions[d].score)
                            row["city"] = .string(card.city.name)
                            return .object(row)
                        }),
                ]
            })
        context["coverageRows"] = .list(
            scorecards.map { card in
                var row: Fields = ["city": .string(card.city.name)]
                if case .object(let fields) = coverage(card) { row.merge(fields) { a, _ in a } }
                return .object(row)
            })
        toc += [
            tocEntry("coverage", strings["coverage"]),
            tocEntry("method", strings["report_method"]),
        ]
        context["toc"] = .list(toc)
        context["bands"] = bandRows()
        context["frameworkOrigin"] = .string(site.framework.origin)
        context["kpiCount"] = count(kpis.count)
        return context
    }
}
