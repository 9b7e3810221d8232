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
    /// One action of `Site.actions`.
    case action(Int)
    /// The programme view.
    case programme
    case notFound
}
