import CityscoreBuiltIn
import CityscoreFormatting
import CityscoreReading

@testable import CityscoreCharts

/// The built-in theme's strings of one language, as a site without its own theme gets them.
enum BuiltInStrings {
    static func table(_ language: String) -> [String: String] {
        guard let file = BuiltInResources.defaultTheme.first(where: { $0.path == "strings/\(language).yml" }) else {
            return [:]
        }
        return YAMLFields.parse(file.contents, path: file.path).0.scalars(excluding: [])
    }
}

extension ChartWords {
    /// The default theme's English chart words.
    static let english = ChartWords(BuiltInStrings.table("en"), language: "en")
    /// The default theme's Norwegian Bokmål chart words over the English ones.
    static let norwegian = ChartWords(
        BuiltInStrings.table("en").merging(BuiltInStrings.table("nb")) { _, nb in nb }, language: "nb")
}

// The charts' tests draw in English unless they say otherwise.
protocol DrawnInEnglish {
    func render(id: String, format: NumberFormat, words: ChartWords) -> Chart
}

extension DrawnInEnglish {
    func render(id: String, format: NumberFormat = NumberFormat()) -> Chart {
        render(id: id, format: format, words: .english)
    }
}

protocol InlineInEnglish {
    func inlineSVG(id: String, format: NumberFormat, words: ChartWords) -> String
}

extension InlineInEnglish {
    func inlineSVG(id: String, format: NumberFormat = NumberFormat()) -> String {
        inlineSVG(id: id, format: format, words: .english)
    }
}

extension BenchmarkWheel: DrawnInEnglish {}
extension ScoreBars: DrawnInEnglish {}
extension HeatMap: DrawnInEnglish {}
extension DotPlot: DrawnInEnglish {}
extension BulletChart: DrawnInEnglish, InlineInEnglish {}
extension TrendLine: DrawnInEnglish, InlineInEnglish {}
