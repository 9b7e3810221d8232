import CityscoreCharts
import CityscoreModel
import CityscoreRouting
import CityscoreScoring
import CityscoreTemplating

extension Contexts {
    /// A category or KPI that moved a band in some cities between their last two rounds.
    func moves(_ moves: Programme.Progress.Moves) -> MovesPart {
        MovesPart(
            name: moves.name, upCount: display.format.count(moves.up.count),
            downCount: display.format.count(moves.down.count), up: links(toCities: moves.up),
            down: links(toCities: moves.down), url: moves.kpi.map { urls.link(URLs.indicator($0)) },
            code: moves.kpi?.code)
    }

    /// "weak in 4 of 9 scored cities".
    func weakCount(_ weak: Int, of scored: Int) -> String {
        strings.format(
            "programme_weak_count", ["weak": display.format.count(weak), "scored": display.format.count(scored)])
    }

    /// `programme/`: which weaknesses the cities share, who is acting on them, who has solved them.
    func programme(_ route: Route) -> Fields {
        var context = base(
            path: route.path, title: strings["programme_title"], description: strings["programme_description"],
            breadcrumbs: [(strings["programme_title"], nil)], section: route.section)
        let view = programmeView
        let n = display.format.count
        ProgrammePage(
            lead: strings.format(
                "programme_lead", ["cities": n(view.cityCount), "actions": n(actionIndex.actions.count)]),
            statusCounts: ActionStatus.allCases.compactMap { status in
                guard let k = view.statusCounts[status], k > 0 else { return nil }
                return StatusCount(status: actionStatus(status), count: n(k))
            },
            categories: view.weakCategories.map { category in
                WeakCategory(
                    name: category.label, dimension: category.dimension,
                    weakCount: weakCount(category.weak.count, of: category.scored),
                    weak: links(toCities: category.weak), acting: links(toCities: category.weakActing),
                    strong: links(toCities: category.strong))
            },
            kpis: view.sharedWeaknesses.map { item in
                SharedWeakness(
                    name: item.label, code: item.kpi.code, url: urls.link(URLs.indicator(item.kpi)),
                    weakCount: weakCount(item.weak.count, of: item.scored), weak: links(toCities: item.weak),
                    acting: links(toCities: item.weakActing),
                    notActing: links(toCities: item.weak.filter { !item.weakActing.contains($0) }),
                    strong: links(toCities: item.strong))
            },
            coverageGaps: view.coverageGaps.map { gap in
                CoverageGap(
                    name: gap.kpi.name, code: gap.kpi.code, url: urls.link(URLs.indicator(gap.kpi)),
                    reported: n(gap.reported), notReported: n(gap.notReported), missing: n(gap.missing),
                    notApplicable: n(gap.notApplicable))
            },
            progress: view.progress.map { progress in
                ProgressPart(
                    lead: strings.format(
                        "programme_progress_lead",
                        [
                            "with": n(progress.cities.count), "cities": n(view.cityCount),
                            "up": n(progress.overallUp.count), "down": n(progress.overallDown.count),
                        ]),
                    categories: progress.categories.map(moves), kpis: progress.items.map(moves))
            },
            cityCount: n(view.cityCount), programmeJSON: urls.link(URLs.programmeJSON),
            actionsCSV: urls.link(URLs.actionsCSV)
        ).write(into: &context)
        return context
    }
}

extension ChartBuilder {
    /// The programme page's charts: shared weaknesses ranked, and every city × category per round.
    func programmeFigures(_ view: Programme) -> [ChartFigure] {
        let page = URLs.programme
        let ranked = view.sharedWeaknesses.prefix(15).map { item in
            WeaknessBars.Row(
                name: item.label, bandOne: item.weak.filter { city in band(city, item) == .one }.count,
                bandTwo: item.weak.filter { city in band(city, item) == .two }.count, acting: item.weakActing.count,
                strong: item.strong.count, scored: item.scored)
        }
        let bars = WeaknessBars(title: strings["programme_shared_kpis"], rows: Array(ranked), cities: view.cityCount)
            .render(id: "shared-weaknesses", format: format, words: words)
        return [figure(bars, page: page, file: "shared-weaknesses")] + programmeHeatMaps()
    }

    /// The band of one city on one item of the programme.
    private func band(_ city: String, _ item: Programme.Item) -> Band? {
        scorecards.first { $0.city.slug == city }?.item(item.kpi.code, datapoint: item.datapoint)?.band
    }
}
