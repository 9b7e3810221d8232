import Foundation
import Testing

/// Every validation rule of the data formats gives exit 1 and a `path:line:column` diagnostic.
@Suite("Validation of site input")
struct ValidationTests {
    func problems(_ overrides: [String: String?]) throws -> [String] {
        let site = try TestSite.make(overrides)
        defer { site.remove() }
        return site.build()
    }

    /// What `check` finds, as `path:line:column code`.
    func codes(_ overrides: [String: String?]) throws -> [String] {
        let site = try TestSite.make(overrides)
        defer { site.remove() }
        return site.checkCodes()
    }

    func results(_ rows: String, header: String = "city,kpi,datapoint,year,value,unit,source") -> [String: String?] {
        ["Content/results/2020.csv": header + "\n" + rows + "\n"]
    }

    @Test func theDefaultTestSiteBuilds() throws {
        #expect(try problems([:]) == [])
        #expect(try codes([:]) == [])
    }

    @Test func unknownCityWithSuggestion() throws {
        let p = try problems(results("karmoi,EC: ICT: ICT: 1C,,2020,97,%,x"))
        #expect(
            p == [
                "Content/results/2020.csv:2:1: error: unknown city \"karmoi\" in column \"city\": there is no Content/cities/karmoi.md; did you mean \"karmoy\"? [unknown-city]"
            ])
    }

    @Test func misspeltKPIGetsASuggestion() throws {
        let p = try problems(results("karmoy,EC: ICT: ICT: 1X,,2020,97,%,x"))
        #expect(
            p == [
                "Content/results/2020.csv:2:8: error: unknown KPI \"EC: ICT: ICT: 1X\" in column \"kpi\"; did you mean \"EC: ICT: ICT: 1C\"? [unknown-kpi]"
            ])
    }

    @Test func missingAndUnknownDataPoints() throws {
        let p = try codes(
            results(
                "karmoy,EC: ICT: ICT: 4C,,2020,97,%,x\nkarmoy,EC: ICT: ICT: 4C,5G,2020,97,%,x\nkarmoy,EC: ICT: ICT: 1C,4G,2020,97,%,x"
            ))
        #expect(
            p == [
                "Content/results/2020.csv:2:25 missing-datapoint", "Content/results/2020.csv:3:25 unknown-datapoint",
                "Content/results/2020.csv:4:25 unknown-datapoint",
            ])
    }

    @Test func valuesThatAreNotFiniteNumbers() throws {
        let p = try problems(
            results(
                "karmoy,EC: ICT: ICT: 1C,,2020,97%,%,x\nkarmoy,EC: ICT: ICT: 2C,,2020,\"84,5\",%,x\nasker,EC: P: EM: 1C,,2020,inf,%,x\nasker,EC: P: EM: 2C,,2020,nan,%,x"
            ))
        #expect(p.count == 4)
        #expect(p.allSatisfy { $0.hasSuffix(" [not-a-number]") })
        #expect(p[0].contains("leave the % sign out"))
        #expect(p[1].contains("use a point as the decimal separator; write 84.5"))
        #expect(p[2].contains("\"inf\" in column \"value\" is not a number"))
        #expect(p[3].contains("\"nan\" in column \"value\" is not a number"))
    }

    @Test func yesNoOnANumericKPIAndNumbersOnAYesNoKPI() throws {
        let p = try codes(results("karmoy,EC: ICT: ICT: 1C,,2020,yes,%,x\nasker,SC: SH: SA: 3A,,2020,1,,x"))
        #expect(p == ["Content/results/2020.csv:2:31 value-type", "Content/results/2020.csv:3:28 value-type"])
    }

    @Test func duplicateRows() throws {
        let p = try codes(results("karmoy,EC: ICT: ICT: 1C,,2020,97,%,x\nkarmoy,EC: ICT: ICT: 1C,,2020,98,%,x"))
        #expect(p == ["Content/results/2020.csv:3:1 duplicate-row"])
    }

    @Test func badYears() throws {
        let p = try problems(
            results(
                "karmoy,EC: ICT: ICT: 1C,,20,97,%,x\nkarmoy,EC: ICT: ICT: 2C,,2020.5,97,%,x\nkarmoy,EC: ICT: ICT: 3C,,,97,%,x"
            ))
        #expect(p.count == 3)
        #expect(
            try codes(
                results(
                    "karmoy,EC: ICT: ICT: 1C,,20,97,%,x\nkarmoy,EC: ICT: ICT: 2C,,2020.5,97,%,x\nkarmoy,EC: ICT: ICT: 3C,,,97,%,x"
                )) == [
                    "Content/results/2020.csv:2:26 invalid-year", "Content/results/2020.csv:3:26 invalid-year",
                    "Content/results/2020.csv:4:26 empty-cell",
                ])
        #expect(p[2].contains("the year is empty"))
    }

    @Test func unknownAndMissingColumns() throws {
        let p = try problems(results("karmoy,EC: ICT: ICT: 1C,2020,97,x,y", header: "city,kpi,year,valeu,sorce,x-mine"))
        #expect(
            p.contains(
                "Content/results/2020.csv:1:21: error: unknown column \"sorce\"; the columns are city, kpi, year, value, datapoint, unit, source, note, quality, verified, benchmark, round, and any starting with x-; did you mean \"source\"? [unknown-column]"
            ))
        #expect(
            p.contains {
                $0.hasPrefix("Content/results/2020.csv:1:15: error: unknown column \"valeu\"")
                    && $0.hasSuffix("did you mean \"value\"? [unknown-column]")
            })
        #expect(
            try codes(results("karmoy,EC: ICT: ICT: 1C,2020,97,x,y", header: "city,kpi,year,valeu,sorce,x-mine")) == [
                "Content/results/2020.csv:1:1 missing-column", "Content/results/2020.csv:1:15 unknown-column",
                "Content/results/2020.csv:1:21 unknown-column",
            ])
    }

    @Test func targetsOfZeroOrBelowWhereTheyDivide() throws {
        let p = try codes([
            "Content/targets/goals.csv":
                "city,kpi,datapoint,target,note\nkarmoy,EC: ICT: ICT: 1C,,0,x\nasker,EC: P: EM: 1C,,-1,x\n"
        ])
        #expect(
            p == ["Content/targets/goals.csv:2:26 invalid-target", "Content/targets/goals.csv:3:22 invalid-target"])
    }

    @Test func unclosedQuotes() throws {
        let p = try codes(results("karmoy,EC: ICT: ICT: 1C,,2020,97,%,\"Report"))
        #expect(p.contains("Content/results/2020.csv:2:36 csv-quoting"))
    }

    @Test func allProblemsOfARunComeTogether() throws {
        let p = try codes(
            results("karmoi,EC: ICT: ICT: 1C,,2020,97,%,x")
                .merging([
                    "Content/cities/asker.md": "---\ncountry: Norway\n---\nNo name.\n",
                    "Content/targets/goals.csv": nil,
                ]) { $1 })
        #expect(p == ["Content/cities/asker.md:2:1 required-field", "Content/results/2020.csv:2:1 unknown-city"])
    }

    @Test func cityFrontMatterErrors() throws {
        let p = try problems(["Content/cities/karmoy.md": "---\nname: [a, b\npopulation: many\n---\nText\n"])
        #expect(p.count == 1)
        #expect(p[0].hasPrefix("Content/cities/karmoy.md:") && p[0].hasSuffix(" [yaml-syntax]"))
        #expect(p[0].contains("error: a list in [brackets] is not closed"))
        let q = try codes([
            "Content/cities/karmoy.md": "---\nname: Karmøy\npopulation: many\npeers: [askr]\n---\nText\n"
        ])
        #expect(q == ["Content/cities/karmoy.md:3:1 value-kind", "Content/cities/karmoy.md:4:9 unknown-peer"])
    }

    @Test func aSlugMayNotLeaveItsFolder() throws {
        let p = try codes(["Content/pages/evil.md": "---\ntitle: Evil\nslug: ../../etc\n---\nText\n"])
        #expect(p == ["Content/pages/evil.md:3:1 invalid-slug"])
    }

    @Test func aBrokenLinkInANarrativeIsAnErrorAtItsLine() throws {
        let p = try problems(["Content/cities/asker.md": "---\nname: Asker\n---\nSee [x](../pages/nope.md).\n"])
        #expect(
            p == [
                "Content/cities/asker.md:4:5: error: the link \"../pages/nope.md\" points to Content/pages/nope.md, which does not exist; links are relative to this file's folder, e.g. ../pages/about.md [broken-link]"
            ])
    }

    @Test func siteConfigNeedsATitle() throws {
        let p = try codes(["Content/site.yml": "baseURL: https://x.org/\n"])
        #expect(p == ["Content/site.yml:1:1 required-field"])
    }
}
