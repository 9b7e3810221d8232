/// One page the site will have: its kind, where it is written, the template that renders it, the
/// language it is in, what it shows and the site files it reads.
public struct Route: Sendable, Hashable {
    /// Where a page of a kind goes and what it shows, as its kind's `definition` lists them.
    public struct Place: Sendable, Hashable {
        /// Output path relative to the output root: a folder ending in `/` (its `index.html`), or a
        /// `.html` file.
        public var path: String
        /// The city shown, by position in `Site.cities` (and in the scorecards, in the same order).
        public var city: Int?
        /// The dimension shown, by position in the framework's dimensions.
        public var dimension: Int?
        /// The evaluation round shown (its label, a year), on the page of an earlier round.
        public var round: Int?
        /// The indicator shown, by position in the framework's KPIs.
        public var kpi: Int?
        /// The free page shown, by position in `Site.pages`.
        public var page: Int?
        /// The action shown, by position in `Site.actions`.
        public var action: Int?
        /// The navigation section, when it is not the kind's own.
        public var section: String?
        /// Which page of a list of every city this is (1-based), when the site's lists are split
        /// into pages (`CityPaging`); nil when the list is one page.
        public var pageNumber: Int? = nil
        /// Site files (or folders, ending in `/`) the page is made from, relative to the site root.
        public var inputs: [String]

        /// Creates a place.
        public init(
            path: String, city: Int? = nil, dimension: Int? = nil, round: Int? = nil, kpi: Int? = nil,
            page: Int? = nil, action: Int? = nil, section: String? = nil, inputs: [String] = []
        ) {
            self.path = path
            self.city = city
            self.dimension = dimension
            self.round = round
            self.kpi = kpi
            self.page = page
            self.action = action
            self.section = section
            self.inputs = inputs
        }
    }

    /// The kind of page.
    public var kind: PageKind
    /// The template that renders it: the kind's, unless the route was registered with its own.
    public var template: String
    /// The navigation section marked current.
    public var section: String
    /// BCP 47 language of the page.
    public var language: String
    /// Where it goes and what it shows.
    public var place: Place

    /// Creates the route of a page of `kind`; `template` defaults to the kind's.
    public init(kind: PageKind, place: Place, language: String, template: String? = nil) {
        let definition = kind.definition
        self.kind = kind
        self.template = template ?? definition.template
        self.section = place.section ?? definition.section
        self.language = language
        self.place = place
    }

    /// Output path relative to the output root: a folder ending in `/`, or a `.html` file.
    public var path: String { place.path }
    /// The file written: the path, or the folder's `index.html`.
    public var file: String { path.hasSuffix(".html") ? path : path + "index.html" }
    /// Site files (or folders, ending in `/`) the page is made from.
    public var inputs: [String] { place.inputs }
    /// Whether the page is listed in the sitemap (not the 404 page).
    public var inSitemap: Bool { !path.hasSuffix(".html") }
}
