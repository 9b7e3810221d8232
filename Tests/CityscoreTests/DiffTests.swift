import CityscoreDiff
import Foundation
import Testing

/// `cityscore diff`: two builds of a test site, a site folder and a results CSV compared; values
/// added, corrected and removed, and the bands that moved.
@Suite struct DiffTests {
    /// The test site built, then built again with Karmøy's household Internet access corrected from
    /// 97 to 50 (97 % of its target of 100 → 50 %: band 4 → 2), Asker's employment value removed and a
    /// 3G value added for 2021.
    static func twoBuilds() throws -> (TestSite, old: String, new: String) {
        let site = try TestSite.make()
        let old = site.root + "/old"
        let new = site.root + "/new"
        #expect(site.build(output: old) == [])
        try site.write(
            "Content/results/2020.csv",
            bytes: Array(
                """
                city,kpi,datapoint,year,value,unit,source
                karmoy,EC: ICT: ICT: 1C,,2019,90,%,Report 2019
                karmoy,EC: ICT: ICT: 1C,,2020,50,%,Report 2020 (corrected)
                karmoy,EC: ICT: ICT: 2C,,2020,84.51,%,Report 2020
                karmoy,EC: ICT: ICT: 4C,3G,2020,96.67,%,Report 2020
                karmoy,EC: ICT: ICT: 4C,3G,2021,97.5,%,Report 2021
                karmoy,EC: ICT: ICT: 4C,4G,2020,NR,%,Report 2020
                asker,SC: SH: SA: 3A,,2020,no,,Report

                """.utf8))
        #expect(site.build(output: new) == [])
        return (site, old, new)
    }

    @Test func twoBuildsListTheCorrectedValueAndTheBandItMoved() throws {
        let (site, old, new) = try Self.twoBuilds()
        defer { site.remove() }
        let diff = SiteDiff(old: try DiffInput.load(old), new: try DiffInput.load(new))
        #expect(diff.corrected.count == 1)
        let corrected = try #require(diff.corrected.first)
        #expect(corrected.city == "karmoy" && corrected.kpi == "EC: ICT: ICT: 1C" && corrected.year == 2020)
        #expect(corrected.old == "97" && corrected.new == "50")
        #expect(diff.added.map(\.kpi) == ["EC: ICT: ICT: 4C"])
        #expect(diff.added.first?.datapoint == "3G" && diff.added.first?.year == 2021)
        #expect(diff.removed.map(\.kpi) == ["EC: P: EM: 1C"])
        let kpi = try #require(diff.bands.first { $0.level == "kpi" && $0.name.contains("EC: ICT: ICT: 1C") })
        #expect(kpi.old == 4 && kpi.new == 2)
        #expect(diff.bands.contains { $0.city == "karmoy" && $0.level == "category" })
        #expect(diff.bands.contains { $0.city == "karmoy" && $0.level == "dimension" })

        let text = DiffReport.text(diff, old: "old", new: "new")
        #expect(text.contains("corrected: Household Internet Access (EC: ICT: ICT: 1C), 2020: 97 → 50"))
        #expect(
            text.contains(
                "band moved (KPI): Household Internet Access (EC: ICT: ICT: 1C): 95 %+ of target → 33–66 % of target"))
        let markdown = DiffReport.markdown(diff, date: "2026-11-30")
        #expect(markdown.hasPrefix("---\ndate: 2026-11-30\ntitle: 1 value corrected, 1 value added, 1 value removed,"))
        #expect(markdown.contains("cities:\n  - asker\n  - karmoy\n---\n"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(DiffReport.json(diff).utf8)) as? [String: Any])
        #expect(json["changed"] as? Bool == true)
        #expect((json["corrected"] as? [[String: Any]])?.first?["new"] as? String == "50")
    }

    @Test func aSiteFolderAndItsOwnBuildAndResultsFileShowNoChange() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(site.build() == [])
        let folder = try DiffInput.load(site.root)
        let built = try DiffInput.load(site.output)
        let csv = try DiffInput.load(site.output + "/data/results.csv")
        #expect(SiteDiff(old: folder, new: built).isEmpty)
        #expect(SiteDiff(old: built, new: csv).isEmpty)
        #expect(DiffReport.headline(SiteDiff(old: folder, new: csv)) == "no changes")
    }

    @Test func theCommandExitsOneOnChangesZeroWithoutAndTwoOnWrongInput() throws {
        let (site, old, new) = try Self.twoBuilds()
        defer { site.remove() }
        let changed = try CIFormatTests.run(["diff", old, new, "--format", "json"], in: site.root)
        #expect(changed.status == 1)
        #expect(changed.out.contains("\"changed\" : true"))
        let same = try CIFormatTests.run(["diff", new, new + "/data/results.csv"], in: site.root)
        #expect(same.status == 0)
        #expect(same.out.contains("no changes"))
        let missing = try CIFormatTests.run(["diff", old, "/nope-cityscore"], in: site.root)
        #expect(missing.status == 2)
        #expect(missing.err.contains("\"/nope-cityscore\" does not exist"))
        let markdown = try CIFormatTests.run(
            ["diff", old, new, "--format", "markdown", "--date", "2026-11-30"], in: site.root)
        #expect(markdown.out.hasPrefix("---\ndate: 2026-11-30\n"))
    }
}
