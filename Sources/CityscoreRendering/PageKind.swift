/// Every kind of page the site has; each becomes one `index.html` (or `404.html`).
enum PageKind: Sendable, Hashable {
    case home
    case cities
    case city(Int)
    case cityDimension(city: Int, dimension: Int)
    /// An earlier round of a city: its position in `scorecards`, and in that scorecard's `earlier`.
    case cityRound(city: Int, round: Int)
    case dimensions
    case dimension(Int)
    case indicators
    case indicator(Int)
    case page(Int)
    case methodology
    case notFound
}
