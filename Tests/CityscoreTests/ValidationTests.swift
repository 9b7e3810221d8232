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

    func results(_ rows: String, header: String = "city,kpi,datapoint,year,value,unit,source") -> [String: String?] {
        ["Content/results/2020.csv": header + "\n" + rows + "\n"]
    }

    @Test func theDefaultTestSiteBuilds() throws {
        #expect(try problems([:]) == [])
    }

    @Test func unknownCityWithSuggestion() throws {
        let p = try problems(results("karmoi,EC: ICT: ICT: 1C,,2020,97,%,x"))
        #expect(
            p == [
                "Content/results/2020.csv:2:1: error: unknown city \"karmoi\" in column \"city\": there is no Content/cities/karmoi.md; did you mean \"karmoy\"?"
            ])
    }

    @Test func misspeltKPIGetsASuggestion() throws {
        let p = try problems(results("karmoy,EC: ICT: ICT: 1X,,2020,97,%,x"))
        #expect(
            p == [
                "Content/results/2020.csv:2:8: error: unknown KPI \"EC: ICT: ICT: 1X\" in column \"kpi\"; did you mean \"EC: ICT: ICT: 1C\"?"
            ])
    }

    @Test func missingAndUnknownDataPoints() throws {
        let p = try problems(
            results(
                "karmoy,EC: ICT: ICT: 4C,,2020,97,%,x\nkarmoy,EC: ICT: ICT: 4C,5G,2020,97,%,x\nkarmoy,EC: ICT: ICT: 1C,4G,2020,97,%,x"
            ))
        #expect(p.count == 3)
        #expect(
            p[0].hasPrefix(
                "Content/results/2020.csv:2:25: error: EC: ICT: ICT: 4C (Wireless Broadband Coverage) is reported by data point"
            ))
        #expect(p[1].hasPrefix("Content/results/2020.csv:3:25: error: unknown data point \"5G\""))
        #expect(
            p[2].hasPrefix(
                "Content/results/2020.csv:4:25: error: EC: ICT: ICT: 1C (Household Internet Access) has no data points")
        )
    }

    @Test func valuesThatAreNotFiniteNumbers() throws {
        let p = try problems(
            results(
                "karmoy,EC: ICT: ICT: 1C,,2020,97%,%,x\nkarmoy,EC: ICT: ICT: 2C,,2020,\"84,5\",%,x\nasker,EC: P: EM: 1C,,2020,inf,%,x\nasker,EC: P: EM: 2C,,2020,nan,%,x"
            ))
        #expect(p.count == 4)
        #expect(p[0].contains("leave the % sign out"))
        #expect(p[1].contains("use a point as the decimal separator; write 84.5"))
        #expect(p[2].contains("\"inf\" in column \"value\" is not a number"))
        #expect(p[3].contains("\"nan\" in column \"value\" is not a number"))
    }

    @Test func yesNoOnANumericKPIAndNumbersOnAYesNoKPI() throws {
        let p = try problems(results("karmoy,EC: ICT: ICT: 1C,,2020,yes,%,x\nasker,SC: SH: SA: 3A,,2020,1,,x"))
        #expect(p.count == 2)
        #expect(p[0].contains("takes a number, not yes or no"))
        #expect(p[1].contains("is answered yes or no; write yes or no"))
    }

    @Test func duplicateRows() throws {
        let p = try problems(results("karmoy,EC: ICT: ICT: 1C,,2020,97,%,x\nkarmoy,EC: ICT: ICT: 1C,,2020,98,%,x"))
        #expect(
            p == [
                "Content/results/2020.csv:3:1: error: duplicate row: karmoy, EC: ICT: ICT: 1C, 2020 is already given at Content/results/2020.csv:2; keep one of the two rows"
            ])
    }

    @Test func badYears() throws {
        let p = try problems(
            results(
                "karmoy,EC: ICT: ICT: 1C,,20,97,%,x\nkarmoy,EC: ICT: ICT: 2C,,2020.5,97,%,x\nkarmoy,EC: ICT: ICT: 3C,,,97,%,x"
            ))
        #expect(p.count == 3)
        #expect(
            p[0].hasPrefix("Content/results/2020.csv:2:26: error: \"20\" in column \"year\" is not a four-digit year"))
        #expect(p[2].contains("the year is empty"))
    }

    @Test func unknownAndMissingColumns() throws {
        let p = try problems(results("karmoy,EC: ICT: ICT: 1C,2020,97,x,y", header: "city,kpi,year,valeu,sorce,x-mine"))
        #expect(
            p.contains(
                "Content/results/2020.csv:1:21: error: unknown column \"sorce\"; the columns are city, kpi, year, value, datapoint, unit, source, note, quality, verified, benchmark, round, and any starting with x-; did you mean \"source\"?"
            ))
        #expect(
            p.contains {
                $0.hasPrefix("Content/results/2020.csv:1:15: error: unknown column \"valeu\"")
                    && $0.hasSuffix("did you mean \"value\"?")
            })
        #expect(
            p.contains(
                "Content/results/2020.csv:1:1: error: the required column \"value\" is missing from the header row"))
    }

    @Test func targetsOfZeroOrBelowWhereTheyDivide() throws {
        let p = try problems([
            "Content/targets/goals.csv":
                "city,kpi,datapoint,target,note\nkarmoy,EC: ICT: ICT: 1C,,0,x\nasker,EC: P: EM: 1C,,-1,x\n"
        ])
        #expect(p.count == 2)
        #expect(p[0].hasPrefix("Content/targets/goals.csv:2:26: error: a target of 0 cannot be used"))
        #expect(p[1].hasPrefix("Content/targets/goals.csv:3:22: error: a target below zero cannot be used"))
    }

    @Test func unclosedQuotes() throws {
        let p = try problems(results("karmoy,EC: ICT: ICT: 1C,,2020,97,%,\"Report"))
        #expect(p.contains { $0.hasPrefix("Content/results/2020.csv:2:36: error: a quoted cell is never closed") })
    }

    @Test func allProblemsOfARunComeTogether() throws {
        let p = try problems(
            results("karmoi,EC: ICT: ICT: 1C,,2020,97,%,x")
                .merging([
                    "Content/cities/asker.md": "---\ncountry: Norway\n---\nNo name.\n",
                    "Content/targets/goals.csv": nil,
                ]) { $1 })
        #expect(p.count == 2)
        #expect(p.contains { $0.hasPrefix("Content/cities/asker.md:2:1: error: the city needs a name") })
    }

    @Test func cityFrontMatterErrors() throws {
        let p = try problems(["Content/cities/karmoy.md": "---\nname: [a, b\npopulation: many\n---\nText\n"])
        #expect(p.count == 1)
        #expect(p[0].hasPrefix("Content/cities/karmoy.md:"))
        #expect(p[0].contains("error: a list in [brackets] is not closed"))
        let q = try problems([
            "Content/cities/karmoy.md": "---\nname: Karmøy\npopulation: many\npeers: [askr]\n---\nText\n"
        ])
        #expect(
            q.contains("Content/cities/karmoy.md:3:1: error: \"population\" must be a whole number, found \"many\""))
        #expect(q.contains("Content/cities/karmoy.md:4:9: error: unknown peer city \"askr\"; did you mean \"asker\"?"))
    }

    @Test func aSlugMayNotLeaveItsFolder() throws {
        let p = try problems(["Content/pages/evil.md": "---\ntitle: Evil\nslug: ../../etc\n---\nText\n"])
        #expect(p.count == 1)
        #expect(p[0].hasPrefix("Content/pages/evil.md:3:1: error: the slug \"../../etc\" is not allowed"))
    }

    @Test func aBrokenLinkInANarrativeIsAnErrorAtItsLine() throws {
        let p = try problems(["Content/cities/asker.md": "---\nname: Asker\n---\nSee [x](../pages/nope.md).\n"])
        #expect(
            p == [
                "Content/cities/asker.md:4:5: error: the link \"../pages/nope.md\" points to Content/pages/nope.md, which does not exist; links are relative to this file's folder, e.g. ../pages/about.md"
            ])
    }

    @Test func siteConfigNeedsATitle() throws {
        let p = try problems(["Content/site.yml": "baseURL: https://x.org/\n"])
        #expect(p.contains { $0.contains("site.yml needs a title") })
    }
}
