import CityscoreRouting

// Which builder of `Contexts` makes each page kind's context, and from which subject of its route.

extension HomePage {
    static func context(for route: Route, rows: [String: RowCharts], in contexts: Contexts) -> Fields? {
        contexts.home(route)
    }
}

extension CitiesPage {
    static func context(for route: Route, rows: [String: RowCharts], in contexts: Contexts) -> Fields? {
        contexts.citiesIndex(route)
    }
}

extension CityPage {
    static func context(for route: Route, rows: [String: RowCharts], in contexts: Contexts) -> Fields? {
        route.place.city.map { contexts.city(contexts.scorecards[$0], route) }
    }
}

extension CityDimensionPage {
    static func context(for route: Route, rows: [String: RowCharts], in contexts: Contexts) -> Fields? {
        guard let c = route.place.city, let d = route.place.dimension else { return nil }
        return contexts.cityDimension(contexts.scorecards[c], d, route, rows: rows)
    }
}

extension CityRoundPage {
    static func context(for route: Route, rows: [String: RowCharts], in contexts: Contexts) -> Fields? {
        guard let c = route.place.city, route.place.round.flatMap({ contexts.scorecards[c].round($0) }) != nil
        else { return nil }
        return contexts.cityRound(contexts.scorecards[c], route)
    }
}

extension DimensionsPage {
    static func context(for route: Route, rows: [String: RowCharts], in contexts: Contexts) -> Fields? {
        contexts.dimensionsIndex(route)
    }
}

extension DimensionPage {
    static func context(for route: Route, rows: [String: RowCharts], in contexts: Contexts) -> Fields? {
        route.place.dimension.map { contexts.dimension($0, route) }
    }
}

extension IndicatorsPage {
    static func context(for route: Route, rows: [String: RowCharts], in contexts: Contexts) -> Fields? {
        contexts.indicatorsIndex(route)
    }
}

extension IndicatorPage {
    static func context(for route: Route, rows: [String: RowCharts], in contexts: Contexts) -> Fields? {
        route.place.kpi.map { contexts.indicator(contexts.kpis[$0], route) }
    }
}

extension ProgrammePage {
    static func context(for route: Route, rows: [String: RowCharts], in contexts: Contexts) -> Fields? {
        contexts.programme(route)
    }
}

extension FreePage {
    static func context(for route: Route, rows: [String: RowCharts], in contexts: Contexts) -> Fields? {
        route.place.page.map { contexts.page(contexts.site.pages[$0], route) }
    }
}

extension MethodologyPage {
    static func context(for route: Route, rows: [String: RowCharts], in contexts: Contexts) -> Fields? {
        contexts.methodology(route)
    }
}

extension CityReportPage {
    static func context(for route: Route, rows: [String: RowCharts], in contexts: Contexts) -> Fields? {
        route.place.city.map { contexts.cityReport(contexts.scorecards[$0], route) }
    }
}

extension ProgrammeReportPage {
    static func context(for route: Route, rows: [String: RowCharts], in contexts: Contexts) -> Fields? {
        contexts.programmeReport(route)
    }
}

extension ActionPage {
    static func context(for route: Route, rows: [String: RowCharts], in contexts: Contexts) -> Fields? {
        route.place.action.map { contexts.action(contexts.site.actions[$0], route) }
    }
}

extension ChangesPageContext {
    static func context(for route: Route, rows: [String: RowCharts], in contexts: Contexts) -> Fields? {
        contexts.changesPage(route)
    }
}
