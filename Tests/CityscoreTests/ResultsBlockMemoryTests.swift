import Foundation
import Testing

@testable import CityscorePipeline
@testable import CityscoreRendering

/// `results.csv` is made in blocks of rows, each block looking up the scored items of its own
/// cities only (issue 20: an index of every item of the site was held while the whole file was
/// written). The file is the same whatever the blocks, computed columns included.
@Suite("results.csv: each block's own items")
struct ResultsBlockMemoryTests {
    @Test func blocksOfAFewRowsGiveTheFileOfOneBlock() throws {
        let site = try ThemeReferenceTests.everything()
        defer { site.remove() }
        let renderer = try #require(try Pipeline(siteRoot: site.root, output: nil).prepare().renderer.renderers.first)
        #expect(Set(renderer.site.observations.map(\.city)).count > 1)
        let data = DataFiles(site: renderer.site, scorecards: renderer.scorecards)
        let whole = data.resultsCSV(rowsPerTask: .max)
        // Blocks that cut a city's rows in two, and blocks of one row each.
        #expect(data.resultsCSV(rowsPerTask: 7) == whole)
        #expect(data.resultsCSV(rowsPerTask: 1) == whole)
        // The computed columns come from the scorecards: some rows are scored, some are earlier years.
        let lines = whole.split(separator: "\n").dropFirst()
        #expect(lines.contains { $0.hasSuffix(",scored") })
        #expect(lines.contains { $0.hasSuffix("," + DataFiles.earlierYear) })
    }

    /// The cities of a slice of rows, each once.
    @Test func citiesOfRowsAreEachCityOnce() throws {
        let site = try ThemeReferenceTests.everything()
        defer { site.remove() }
        let renderer = try #require(try Pipeline(siteRoot: site.root, output: nil).prepare().renderer.renderers.first)
        let observations = renderer.site.observations
        #expect(DataFiles.cities(in: observations[...]) == Set(observations.map(\.city)))
        #expect(DataFiles.cities(in: observations[0..<0]).isEmpty)
    }
}
