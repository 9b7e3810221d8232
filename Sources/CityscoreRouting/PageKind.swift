import CityscoreModel

/// Every kind of page the site has. Everything about a kind (its template, URL, section of the
/// navigation, title and the pages of that kind a site has) comes from the one switch in
/// `definition`: adding a kind is one case here, its arm there, and its template in the theme.
public enum PageKind: String, Sendable, Hashable, CaseIterable {
    case home
    case cities
    case city
    case cityDimension
    /// An earlier evaluation round of a city (`cities/<slug>/<round>/`); the latest is the city's page.
    case cityRound
    case dimensions
    case dimension
    case indicators
    case indicator
    /// The programme view: shared weaknesses and actions across the cities.
    case programme
    case page
    case methodology
    /// The print-ready report of one city (`cities/<slug>/report/`).
    case cityReport
    /// The print-ready report of the whole programme (`report/`).
    case programmeReport
    /// One action of `Site.actions`.
    case action
    case notFound
    /// The "What changed" page, when the site has `Content/changes/` entries.
    case changes

    /// What one kind of page is: its template, its navigation section, the interface string of its
    /// title (nil when the title comes from the data) and the pages of that kind a site has.
    public struct Definition: Sendable {
        /// The template's name (`templates/<name>.mustache`).
        public var template: String
        /// The main navigation's entry that is marked current on these pages ("" for none; a free
        /// page is its own section, `page:<slug>`).
        public var section: String
        /// The key in `strings/*.yml` of the page's title, or nil when the data names the page.
        public var titleKey: String?
        /// The key in `strings/*.yml` of the kind's entry in the main navigation (linking to its
        /// first page), or nil when the kind has none.
        public var menuKey: String? = nil
        /// The pages of this kind of a site: output path, what they show, the files they read.
        public var pages: @Sendable (Site) -> [Route.Place]
    }

    /// The one switch over the kinds.
    public var definition: Definition {
        let shared = ["Content/site.yml", "Content/framework/kpis.csv", "Content/results/", "Content/targets/"]
        let cities: @Sendable (Site) -> [String] = { site in site.cities.map(\.document.path) }
        switch self {
        case .home:
            return Definition(template: "home", section: "home", titleKey: nil, menuKey: "nav_home") { site in
                [Route.Place(path: URLs.home, inputs: shared + cities(site) + ["Content/pages/index.md"])]
            }
        case .cities:
            return Definition(template: "cities", section: "cities", titleKey: "nav_cities", menuKey: "nav_cities") {
                site in
                CityPaging(site: site).places(Route.Place(path: URLs.cities, inputs: shared + cities(site)))
            }
        case .city:
            return Definition(template: "city", section: "cities", titleKey: nil) { site in
                site.cities.enumerated().map { c, city in
                    Route.Place(
                        path: URLs.city(city.slug), city: c,
                        inputs: shared + [city.document.path] + city.peers.map { "Content/cities/\($0).md" })
                }
            }
        case .cityDimension:
            return Definition(template: "city-dimension", section: "cities", titleKey: nil) { site in
                site.cities.enumerated().flatMap { c, city in
                    site.framework.dimensions.enumerated().map { d, dimension in
                        Route.Place(
                            path: URLs.cityDimension(city.slug, dimension.slug), city: c, dimension: d,
                            inputs: shared + [city.document.path]
                                + (city.dimensionNarratives[dimension.slug].map { [$0.path] } ?? []))
                    }
                }
            }
        case .cityRound:
            return Definition(template: "city-round", section: "cities", titleKey: nil) { site in
                let rounds = CityRoundIndex(site.observations)
                return site.cities.enumerated().flatMap { c, city in
                    rounds.rounds(of: city.slug).dropLast().map { round in
                        Route.Place(
                            path: URLs.cityRound(city.slug, round), city: c, round: round,
                            inputs: shared + [city.document.path])
                    }
                }
            }
        case .dimensions:
            return Definition(
                template: "dimensions", section: "dimensions", titleKey: "nav_dimensions", menuKey: "nav_dimensions"
            ) { site in
                [Route.Place(path: URLs.dimensions, inputs: shared + cities(site))]
            }
        case .dimension:
            return Definition(template: "dimension", section: "dimensions", titleKey: nil) { site in
                site.framework.dimensions.indices.flatMap { d in
                    CityPaging(site: site).places(
                        Route.Place(
                            path: URLs.dimension(site.framework.dimensions[d].slug), dimension: d,
                            inputs: shared + cities(site)))
                }
            }
        case .indicators:
            return Definition(
                template: "indicators", section: "indicators", titleKey: "nav_indicators", menuKey: "nav_indicators"
            ) { site in
                [Route.Place(path: URLs.indicators, inputs: shared)]
            }
        case .indicator:
            return Definition(template: "indicator", section: "indicators", titleKey: nil) { site in
                site.framework.kpis.enumerated().flatMap { k, kpi in
                    CityPaging(site: site).places(
                        Route.Place(path: URLs.indicator(kpi), kpi: k, inputs: shared + cities(site)))
                }
            }
        case .programme:
            return Definition(
                template: "programme", section: "programme", titleKey: "programme_title", menuKey: "nav_programme"
            ) { site in
                [Route.Place(path: URLs.programme, inputs: shared + cities(site) + ["Content/actions/"])]
            }
        case .page:
            return Definition(template: "page", section: "page", titleKey: nil) { site in
                site.pages.enumerated().compactMap { p, page in
                    guard page.slug != "index" && page.slug != "methodology" else { return nil }
                    return Route.Place(
                        path: URLs.page(page.slug), page: p, section: "page:\(page.slug)",
                        inputs: ["Content/site.yml", page.path])
                }
            }
        case .methodology:
            return Definition(
                template: "methodology", section: "methodology", titleKey: "nav_methodology", menuKey: "nav_methodology"
            ) { _ in
                [Route.Place(path: URLs.methodology, inputs: shared + ["Content/pages/methodology.md"])]
            }
        case .cityReport:
            return Definition(template: "report-city", section: "", titleKey: nil) { site in
                site.cities.enumerated().map { c, city in
                    Route.Place(
                        path: URLs.cityReport(city.slug), city: c,
                        inputs: shared + [city.document.path] + city.peers.map { "Content/cities/\($0).md" })
                }
            }
        case .programmeReport:
            return Definition(template: "report-programme", section: "", titleKey: nil) { site in
                [Route.Place(path: URLs.programmeReport, inputs: shared + cities(site))]
            }
        case .action:
            return Definition(template: "action", section: "cities", titleKey: nil) { site in
                site.actions.enumerated().map { a, action in
                    Route.Place(
                        path: URLs.action(action.slug), action: a,
                        inputs: shared + [action.document.path, "Content/cities/\(action.city).md"])
                }
            }
        case .notFound:
            return Definition(template: "404", section: "", titleKey: "not_found_title") { _ in
                [Route.Place(path: "404.html", inputs: ["Content/site.yml"])]
            }
        case .changes:
            return Definition(template: "changes", section: "changes", titleKey: "changes_title") { site in
                site.changes.isEmpty
                    ? [] : [Route.Place(path: URLs.changes, inputs: shared + cities(site) + ["Content/changes/"])]
            }
        }
    }

    /// The template of this kind.
    public var template: String { definition.template }

    /// The templates every theme must provide: one per kind of page.
    public static var requiredTemplates: [String] { allCases.map(\.template) }
}
