import Foundation
import CityscoreReading

/// A small valid site, read once: fuzz targets swap one of its inputs (the results table, the
/// site.yml fields) for the fuzzed one and validate it again, without touching the disk per input.
public enum TinySite {
    /// The site as read from disk: two cities, one targets file and one results file,
    /// `Content/results/fuzz.csv`, whose table the CSV target replaces.
    public static let source: SiteSource = {
        let root = NSTemporaryDirectory() + "/cityscore-fuzz-\(getpid())"
        let files = [
            "Content/site.yml": "title: Fuzz\nbaseURL: https://example.org/\nlanguage: en\n",
            "Content/cities/karmoy.md": "---\nname: Karmøy\npeers: [asker]\n---\nText.\n",
            "Content/cities/asker.md": "---\nname: Asker\n---\nText.\n",
            "Content/targets/goals.csv": "city,kpi,datapoint,target,note\nkarmoy,EC: ICT: ICT: 1C,,100,Own goal\n",
            "Content/results/fuzz.csv": "city,kpi,datapoint,year,value\nkarmoy,EC: ICT: ICT: 1C,,2020,97\n",
        ]
        for (path, text) in files {
            let url = URL(fileURLWithPath: root + "/" + path)
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: url)
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        guard let source = SiteReader(root: root).read().0, source.results.count == 1 else {
            fatalError("the fuzz targets' tiny site could not be read from \(root)")
        }
        return source
    }()
}
