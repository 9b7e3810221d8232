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

    /// The fields both reports share: the page (its title is the PDF's), with no breadcrumbs; and
    /// the paper, the running header and the page numbers, the stylesheets relative to the page, the
    /// PDF when it is written.
    func reportBase(path: String, title: String, header: String, pdf: String) -> (Fields, ReportInfo) {
        let context = base(path: path, title: title, description: title, breadcrumbs: [], section: "")
        // The page is written under its language's folder (`nb/`); the theme's files are shared.
        let written = urls.languagePrefix + path
        let root = String(repeating: "../", count: written.filter { $0 == "/" }.count)
        let report = ReportInfo(
            paper: reportPaper,
            pageCSS: Self.pageCSS(paper: reportPaper, header: header, site: site.config.title, strings: strings),
            css: root + "theme/report.css", siteCSS: root + "theme/site.css", chartsCSS: root + "theme/charts.css",
            pdf: reportPDF ? root + urls.localized(URLs.reportPDF(pdf)) : nil)
        return (context, report)
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
    func bandRows() -> [BandRow] {
        Band.allCases.reversed().map { band in
            BandRow(
                band: display.bandFields(band), points: String(band.points),
                from: display.format.percent(band.lowerBound, maxFractionDigits: 0))
        }
    }

    /// The years of a set of cities' values, `2017–2019` or `2019`.
    func yearSpan(_ cards: [Scorecard]) -> String? {
        let latest = cards.compactMap(\.coverage.latestYear).max()
        let earliest = cards.compactMap(\.coverage.earliestYear).min()
        guard let latest, let earliest else { return nil }
        return earliest == latest ? String(latest) : "\(earliest)–\(latest)"
    }

    func tocEntry(_ id: String, _ text: String) -> TocEntry { TocEntry(id: id, text: text) }

    // MARK: The city report

    func cityReport(_ card: Scorecard, _ route: Route) -> Fields {
        let title = strings.format("report_city_title", ["city": card.city.name])
        var (context, report) = reportBase(path: route.path, title: title, header: title, pdf: card.city.slug)
        let charts = ChartBuilder(site: site, scorecards: scorecards, display: display, urls: urls, wheels: wheels)
        let narrative = narrative(card.city.document)
        var toc = [tocEntry("summary", strings["report_summary"])]
        if narrative != nil { toc.append(tocEntry("narrative", strings["narrative"])) }
        var dimensions: [ReportDimension] = []
        for (d, dim) in card.dimensions.enumerated() {
            let id = "dimension-\(dim.slug)"
            toc.append(tocEntry(id, dim.name))
            var rows: [ReportRow] = []
            for sub in dim.subdimensions {
                for cat in sub.categories {
                    let reported = cat.items.filter { $0.status == .scored || $0.status == .noTarget }
                    for (i, item) in reported.enumerated() {
                        rows.append(
                            ReportRow(item: cityRow(item, of: card), category: i == 0 ? cat.name : nil, first: i == 0))
                    }
                }
            }
            dimensions.append(
                ReportDimension(
                    score: display.scoreFields(dim.score), id: id, name: dim.name,
                    chart: charts.reportDimensionBars(card, d).part, rows: rows, hasRows: !rows.isEmpty,
                    subdimensions: dim.subdimensions.map {
                        NamedScore(score: display.scoreFields($0.score), name: $0.name)
                    }))
        }
        toc += [
            tocEntry("not-reported", strings["report_not_reported"]),
            tocEntry("no-benchmark", strings["report_no_benchmark"]),
            tocEntry("act-next", strings["report_act_next"]),
            tocEntry("sources", strings["report_sources"]),
            tocEntry("method", strings["report_method"]),
        ]
        let items = card.dimensions.flatMap(\.items)
        CityReportPage(
            report: report,
            cover: Cover(
                kicker: strings["report_city_kicker"], title: card.city.name,
                subtitle: [card.city.country, card.city.region].compactMap { $0 }.joined(separator: " · "),
                years: yearSpan([card]).map { strings.format("report_values_years", ["years": $0]) }),
            // The city page's own parts: card, narrative, dimension scores, coverage.
            city: cityCard(card), narrative: narrative, dimensionScores: dimensionScores(card),
            coverage: coverage(card), wheel: charts.reportWheel(card).part, toc: toc, dimensions: dimensions,
            notReported: items.filter { $0.status == .notReported || $0.status == .missing }.map {
                PlacedRow(item: cityRow($0, of: card), dimension: $0.kpi.dimension, category: $0.kpi.category)
            },
            noBenchmark: items.filter { $0.status == .noTarget }.map { cityRow($0, of: card) },
            actNext: actNext(card), sources: sources(items), bands: bandRows(),
            frameworkOrigin: site.framework.origin
        ).write(into: &context)
        return context
    }

    /// The city's weakest categories (scored, lowest first), each with its KPIs furthest from target.
    func actNext(_ card: Scorecard, count: Int = 5) -> [ActNext] {
        let categories = card.dimensions.flatMap { dim in
            dim.subdimensions.flatMap { sub in sub.categories.map { (dim.name, sub.name, $0) } }
        }
        .filter { $0.2.score.percent != nil }
        .sorted { ($0.2.score.percent ?? 0, $0.2.name) < ($1.2.score.percent ?? 0, $1.2.name) }
        return categories.prefix(count).map { dimension, subdimension, cat in
            let weakest = cat.items.filter { $0.achievement != nil }
                .sorted { ($0.achievement ?? 0, $0.kpi.code) < ($1.achievement ?? 0, $1.kpi.code) }.prefix(3)
            return ActNext(
                score: display.scoreFields(cat.score), name: cat.name, dimension: "\(dimension) · \(subdimension)",
                kpis: weakest.map { cityRow($0, of: card) })
        }
    }

    /// The sources of the reported values, each once with its address and how many values it gave.
    func sources(_ items: [ItemScore]) -> [SourceEntry] {
        var counts: [String: (source: String, url: String?, count: Int)] = [:]
        for item in items {
            guard let latest = item.latest, latest.value.isReported, !latest.source.isEmpty else { continue }
            let url = latest.extra["x-source-url"].flatMap {
                $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil
            }
            let key = latest.source + "\u{0}" + (url ?? "")
            counts[key, default: (latest.source, url, 0)].count += 1
        }
        return counts.values.sorted { ($1.count, $0.source) < ($0.count, $1.source) }.map {
            SourceEntry(text: $0.source, count: display.format.count($0.count), url: $0.url)
        }
    }

    // MARK: The programme report

    func programmeReport(_ route: Route) -> Fields {
        let title = strings.format("report_programme_title", ["site": site.config.title])
        var (context, report) = reportBase(
            path: route.path, title: strings["report_programme_kicker"], header: strings["report_programme_kicker"],
            pdf: "programme")
        let charts = ChartBuilder(
            site: site, scorecards: scorecards, display: display, urls: urls, programme: programmeView, memo: chartMemo)
        var toc = [tocEntry("overview", strings["report_overview"])]
        let dimensions = site.framework.dimensions.enumerated().map { d, dim in
            let id = "dimension-\(dim.slug)"
            toc.append(tocEntry(id, dim.name))
            return ReportHeatDimension(
                id: id, name: dim.name, chart: charts.reportHeatMap(d).part,
                rows: scorecards.map {
                    CityScoreRow(score: display.scoreFields($0.dimensions[d].score), city: $0.city.name)
                })
        }
        toc += [tocEntry("coverage", strings["coverage"]), tocEntry("method", strings["report_method"])]
        ProgrammeReportPage(
            report: report,
            cover: Cover(
                kicker: strings["report_programme_kicker"], title: title,
                subtitle: strings.format(
                    "report_programme_subtitle",
                    ["cities": display.format.count(scorecards.count), "kpis": display.format.count(kpis.count)]),
                years: yearSpan(scorecards).map { strings.format("report_values_years", ["years": $0]) }),
            overview: charts.reportOverviewHeatMap(overall: strings["report_overall"]).part,
            dimensionNames: site.framework.dimensions.map(\.name), cities: cards, dimensions: dimensions,
            coverageRows: scorecards.map { CoverageRow(city: $0.city.name, coverage: coverage($0)) }, toc: toc,
            bands: bandRows(), frameworkOrigin: site.framework.origin, kpiCount: display.format.count(kpis.count)
        ).write(into: &context)
        return context
    }
}
