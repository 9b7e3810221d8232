/// Every kind of page the site has; each becomes one `index.html` (or `404.html`).
enum PageKind: Sendable, Hashable {
    case home
    case cities
    case city(Int)
    case cityDimension(city: Int, dimension: Int)
    case dimensions
    case dimension(Int)
    case indicators
    case indicator(Int)
    case page(Int)
    case methodology
    case notFound
    /// The "What changed" page (`Content/changes/`).
    case changes
}
