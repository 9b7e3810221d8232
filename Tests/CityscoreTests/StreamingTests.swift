import CityscoreModel
import CityscorePipeline
import CityscoreWriting
import Foundation
import Testing

@testable import CityscoreRendering

/// A build streams: the largest file (`data/results.csv`) is made and written in parts, and what
/// is written is byte for byte what the in-memory build (for `serve`) holds.
@Suite("Streaming")
struct StreamingTests {
    static func observations(_ count: Int) -> [Observation] {
        (0..<count).map { i in
            Observation(
                city: "c\(i / 10)", kpi: "K: \(i % 10)", datapoint: nil, year: 2000 + i % 20,
                value: i % 4 == 0 ? .notReported : .number(Double(i) / 8), unit: "%", source: "Report ø \(i)",
                note: "", quality: nil, verified: nil, extra: [:])
        }
    }

    @Test func resultsInPartsJoinToTheWholeFileInOrder() {
        let site = Site(
            config: SiteConfig(title: "t"), framework: Framework(kpis: [], origin: "test"), cities: [],
            observations: Self.observations(103), targets: [], pages: [])
        let data = DataFiles(site: site)
        var parts: [[UInt8]] = []
        data.resultsCSV(rowsPerTask: 5, blocksPerPart: 2) { parts.append($0) }
        // The header, then 21 blocks of 5 rows two at a time: 11 parts; none holds the whole file.
        #expect(parts.count == 12)
        let whole = Array(data.resultsCSV(rowsPerTask: .max).utf8)
        #expect(parts.allSatisfy { $0.count < whole.count / 4 })
        #expect(Array(parts.joined()) == whole)
    }

    @Test func appendedPartsGoOnTheEndOfTheFileAndCountOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cityscore-stream-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let staging = try OutputWriter(destination: folder + "/public", force: false).begin()
        staging.write("data/results.csv", text: "a,b\n")
        staging.append("data/results.csv", text: "1,2\n")
        staging.append("data/results.csv", text: "3,4\n")
        staging.write("index.html", text: "<p>")
        #expect(staging.counts.files == 2)
        try staging.commit()
        let text = FileManager.default.contents(atPath: folder + "/public/data/results.csv")
        #expect(text.map { String(decoding: $0, as: UTF8.self) } == "a,b\n1,2\n3,4\n")
    }

    @Test func theBuiltSiteIsTheSiteInMemory() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(site.build() == [])
        let (files, _) = try Pipeline(siteRoot: site.root, output: nil).render()
        let written = TestSite.tree(site.output).filter { !$0.key.hasPrefix(".") }
        #expect(files.count == written.count)
        for file in files {
            #expect(written[file.path].map(Array.init) == file.bytes, "\(file.path)")
        }
        #expect(site.read("data/results.csv")?.split(separator: "\n").count ?? 0 > 1)
    }
}
