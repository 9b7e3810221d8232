import Model
import Scoring

/// Builds the charts of every page from the scores (filled in when the Charts module lands).
struct ChartBuilder: Sendable {
    var site: Site
    var scorecards: [Scorecard]
    var display: Display
    var urls: URLs

    /// Charts by page output path.
    func figures() -> [String: [ChartFigure]] { [:] }
}
