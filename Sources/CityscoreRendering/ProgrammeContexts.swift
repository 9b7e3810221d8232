import CityscoreCharts
import CityscoreModel
import CityscoreRouting
import CityscoreScoring
import CityscoreTemplating

extension Contexts {
    /// Links to cities by slug, in the order given.
    func cityLinks(_ slugs: [String]) -> TemplateValue {
        .list(
            slugs.compactMap { slug in
                cityIndex[slug].map {
                    ["name": .string(scorecards[$0].city.name), "url": .string(urls.link(URLs.city(slug)))]
                }
            })
    }

    /// A category or KPI that moved a band in some cities between their last two rounds.
    func moves(_ moves: Programme.Progress.Moves) -> TemplateValue {
        var out: Fields = [
            "name": .string(moves.name), "upCount": count(moves.up.count), "downCount": count(moves.down.count),
            "up": cityLinks(moves.up), "down": cityLinks(moves.down),
        ]
        if let kpi = moves.kpi {
            out["url"] = .string(urls.link(URLs.indicator(kpi)))
            out["code"] = .string(kpi.code)
        }
        return .object(out)
    }

    /// `programme/`: which weaknesses the cities share, who is acting on them, who has solved them.
    func programme(_ route: Route) -> Fields {
        var context = base(
            path: route.path, title: strings["programme_title"], description: strings["programme_description"],
            breadcrumbs: [(strings["programme_title"], nil)], section: route.section)
        let view = programmeView
        context["lead"] = .string(
            strings.format(
                "programme_lead",
                [
                    "cities": display.format.count(view.cityCount),
                    "actions": display.format.count(actionIndex.actions.count),
                ]))
        context["statusCounts"] = .list(
            ActionStatus.allCases.compactMap { status in
                guard let n = view.statusCounts[status], n > 0 else { return nil }
                var out = actionStatus(status)
                out["count"] = count(n)
                return .object(out)
            })
        context["categories"] = .list(
            view.weakCategories.map { category in
                [
                    "name": .string(category.label), "dimension": .string(category.dimension),
                    "weakCount": .string(
                        strings.format(
                            "programme_weak_count",
                            [
                                "weak": display.format.count(category.weak.count),
                                "scored": display.format.count(category.scored),
                            ])),
                    "weak": cityLinks(category.weak), "acting": cityLinks(category.weakActing),
                    "strong": cityLinks(category.strong),
                ]
            })
        context["kpis"] = .list(
            view.sharedWeaknesses.map { item in
                [
                    "name": .string(item.label), "code": .string(item.kpi.code),
                    "url": .string(urls.link(URLs.indicator(item.kpi))),
                    "weakCount": .string(
                        strings.format(
                            "programme_weak_count",
                            [
                                "weak": display.format.count(item.weak.count),
                                "scored": display.format.count(item.scored),
                            ])),
                    "weak": cityLinks(item.weak), "acting": cityLinks(item.weakActing),
                    "notActing": cityLinks(item.weak.filter { !item.weakActing.contains($0) }),
                    "strong": cityLinks(item.strong),
                ]
            })
        context["coverageGaps"] = .list(
            view.coverageGaps.map { gap in
                [
                    "name": .string(gap.kpi.name), "code": .string(gap.kpi.code),
                    "url": .string(urls.link(URLs.indicator(gap.kpi))), "reported": count(gap.reported),
                    "notReported": count(gap.notReported), "missing": count(gap.missing),
                    "notApplicable": count(gap.notApplicable),
                ]
            })
        if let progress = view.progress {
            context["progress"] = [
                "lead": .string(
                    strings.format(
                        "programme_progress_lead",
                        [
                            "with": display.format.count(progress.cities.count),
                            "cities": display.format.count(view.cityCount),
                            "up": display.format.count(progress.overallUp.count),
                            "down": display.format.count(progress.overallDown.count),
                        ])),
                "categories": .list(progress.categories.map(moves)),
                "kpis": .list(progress.items.map(moves)),
            ]
        }
        context["cityCount"] = count(view.cityCount)
        context["programmeJSON"] = .string(urls.link(URLs.programmeJSON))
        context["actionsCSV"] = .string(urls.link(URLs.actionsCSV))
        return context
    }
}

extension ChartBuilder {
    /// The programme page's charts: shared weaknesses ranked, and every city × category.
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
        let columns = view.categories.map {
            HeatMap.Column(name: "\($0.name) (\($0.subdimension))", shortName: $0.label)
        }
        let rows = scorecards.map { card in
            HeatMap.Row(name: card.city.name, cells: card.dimensions.flatMap(\.categories).map { Self.score($0.score) })
        }
        let heat = HeatMap(title: strings["programme_title"], columns: columns, rows: rows).render(
            id: "programme-heatmap", format: format, words: words)
        return [figure(bars, page: page, file: "shared-weaknesses"), figure(heat, page: page, file: "heatmap")]
    }

    /// The band of one city on one item of the programme.
    private func band(_ city: String, _ item: Programme.Item) -> Band? {
        scorecards.first { $0.city.slug == city }?.item(item.kpi.code, datapoint: item.datapoint)?.band
    }
}
