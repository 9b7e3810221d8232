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
            downCount: display.format.count(moves.down.count),
            up: cappedLinks(
                toCities: moves.up, more: moves.kpi.map { urls.link(URLs.indicator($0)) } ?? urls.link(URLs.cities)),
            down: cappedLinks(
                toCities: moves.down, more: moves.kpi.map { urls.link(URLs.indicator($0)) } ?? urls.link(URLs.cities)),
            url: moves.kpi.map { urls.link(URLs.indicator($0)) },
            code: moves.kpi?.code)
    }

    /// The link to a dimension's page, by its name as the programme view gives it (the cities list
    /// when no dimension has that name).
    func dimensionURL(_ name: String) -> String {
        site.framework.dimensions.first { $0.name == name }.map { urls.link(URLs.dimension($0.slug)) }
            ?? urls.link(URLs.cities)
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
                    weak: cappedLinks(toCities: category.weak, more: dimensionURL(category.dimension)),
                    acting: cappedLinks(toCities: category.weakActing, more: dimensionURL(category.dimension)),
                    strong: cappedLinks(toCities: category.strong, more: dimensionURL(category.dimension)))
            },
            kpis: view.sharedWeaknesses.map { item in
                SharedWeakness(
                    name: item.label, code: item.kpi.code, url: urls.link(URLs.indicator(item.kpi)),
                    weakCount: weakCount(item.weak.count, of: item.scored),
                    weak: cappedLinks(toCities: item.weak, more: urls.link(URLs.indicator(item.kpi))),
                    acting: cappedLinks(toCities: item.weakActing, more: urls.link(URLs.indicator(item.kpi))),
                    notActing: cappedLinks(
                        toCities: item.weak.filter { !item.weakActing.contains($0) },
                        more: urls.link(URLs.indicator(item.kpi))),
                    strong: cappedLinks(toCities: item.strong, more: urls.link(URLs.indicator(item.kpi))))
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
        // Each city's scorecard found by slug once, not by a search through every city per weak city.
        let index = Dictionary(scorecards.enumerated().map { ($1.city.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let ranked = view.sharedWeaknesses.prefix(15).map { item in
            let bands = item.weak.map { city in
                index[city].flatMap { scorecards[$0].item(item.kpi.code, datapoint: item.datapoint)?.band }
            }
            return WeaknessBars.Row(
                name: item.label, bandOne: bands.filter { $0 == .one }.count,
                bandTwo: bands.filter { $0 == .two }.count, acting: item.weakActing.count,
                strong: item.strong.count, scored: item.scored)
        }
        let bars = WeaknessBars(title: strings["programme_shared_kpis"], rows: Array(ranked), cities: view.cityCount)
            .render(id: "shared-weaknesses", format: format, words: words)
        return [figure(bars, page: page, file: "shared-weaknesses")] + programmeHeatMaps()
    }
}
