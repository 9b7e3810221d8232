import Foundation
import Testing

/// Issue 16: actions in `Content/actions/<slug>.md`, validated at their lines and shown on the
/// action's page, its city's page, each targeted KPI's row and the indicator page; and the
/// programme view.
@Suite("Actions and the programme view")
struct ActionsTests {
    static let rana = """
        ---
        name: Rana
        ---
        Rana's narrative.

        """

    /// Resilience plans (SC: SH: SA: 3A, yes-no) are weak in Karmøy and Asker (no = band 1), solved in Rana.
    static let results =
        TestSite.results + """
            karmoy,SC: SH: SA: 3A,,2020,no,,Report
            rana,SC: SH: SA: 3A,,2020,yes,,Report
            rana,EC: ICT: ICT: 1C,,2020,99,%,Report

            """

    static let resilience = """
        ---
        city: asker
        title: "=A resilience plan for every district"
        kpis: ["SC: SH: SA: 3A"]
        status: in-progress
        start: 2024-01
        due: 2026-12-31
        owner: Water department
        budget: 2_500_000
        currency: NOK
        sdgs: [6, 11]
        links: [https://example.org/plan.pdf]
        ---
        The municipality writes plans for the last **4 districts**.

        """

    static func site(_ more: [String: String?] = [:]) throws -> TestSite {
        var files: [String: String?] = [
            "Content/cities/rana.md": rana, "Content/results/2020.csv": results,
            "Content/actions/asker-resilience.md": resilience,
        ]
        for (path, text) in more { files[path] = text }
        return try TestSite.make(files)
    }

    @Test func aBadActionFileIsReportedAtItsLines() throws {
        let site = try Self.site([
            "Content/actions/bad.md": """
            ---
            city: askr
            title: Fix it
            kpis: ["EC: ICT: ICT: 1X", "EC: ICT: ICT: 4C/5G"]
            status: ongoing
            start: 2025-03-01
            due: 01.02.2025
            budgt: 5
            ---
            Body.

            """,
            "Content/actions/late.md": """
            ---
            city: asker
            title: Late
            kpis: ["EC: ICT: ICT: 1C"]
            status: In progress
            start: 2025-03
            due: 2025-02-28
            sdgs: [18]
            currency: nok
            ---

            """,
        ])
        defer { site.remove() }
        let problems = site.check()
        let bad = problems.filter { $0.hasPrefix("Content/actions/bad.md") }
        #expect(
            bad.contains {
                $0.hasPrefix("Content/actions/bad.md:2:7: error: unknown city \"askr\"")
                    && $0.contains("did you mean \"asker\"?")
            })
        #expect(
            bad.contains {
                $0.hasPrefix("Content/actions/bad.md:4:8: error: unknown KPI \"EC: ICT: ICT: 1X\"")
                    && $0.contains("did you mean \"EC: ICT: ICT: 1C\"?")
            })
        #expect(
            bad.contains {
                $0.hasPrefix(
                    "Content/actions/bad.md:4:28: error: \"5G\" is not a data point of the KPI \"EC: ICT: ICT: 4C\"")
            })
        #expect(bad.contains { $0.hasPrefix("Content/actions/bad.md:5:9: error: \"status\" cannot be \"ongoing\"") })
        #expect(
            bad.contains {
                $0.hasPrefix("Content/actions/bad.md:7:6: error: \"due\" must be a date")
                    && $0.contains("did you mean \"2025-02-01\"?")
            })
        #expect(
            bad.contains {
                $0.hasPrefix("Content/actions/bad.md:8:1: warning: cityscore does not read the key \"budgt\"")
                    && $0.contains("did you mean \"budget\"?")
            })
        let late = problems.filter { $0.hasPrefix("Content/actions/late.md") }
        #expect(
            late.contains {
                $0.hasPrefix("Content/actions/late.md:5:9: error: \"status\" cannot be \"In progress\"")
                    && $0.contains("did you mean \"in-progress\"?")
            })
        #expect(
            late.contains {
                $0.hasPrefix("Content/actions/late.md:7:6: error: the due date 2025-02-28 is before the start 2025-03")
            })
        #expect(late.contains { $0.hasPrefix("Content/actions/late.md:8:8: error: \"18\" in \"sdgs\"") })
        #expect(
            late.contains {
                $0.hasPrefix("Content/actions/late.md:9:11: error: \"nok\" is not a currency code")
                    && $0.contains("did you mean \"NOK\"?")
            })
        // Each problem carries its code.
        for (line, code) in [(2, "unknown-city"), (4, "unknown-kpi"), (4, "unknown-datapoint"), (7, "invalid-date")] {
            #expect(
                bad.contains { $0.hasPrefix("Content/actions/bad.md:\(line):") && $0.hasSuffix("[\(code)]") }, "\(code)"
            )
        }
        for (line, code) in [(7, "invalid-date"), (8, "invalid-value"), (9, "invalid-value")] {
            #expect(
                late.contains { $0.hasPrefix("Content/actions/late.md:\(line):") && $0.hasSuffix("[\(code)]") },
                "\(code)")
        }
    }

    @Test func anUnquotedKPICodeInAListIsToldToBeQuoted() throws {
        let site = try Self.site([
            "Content/actions/block.md": "---\ncity: asker\ntitle: T\nstatus: done\nkpis:\n  - EC: ICT: ICT: 1C\n---\n"
        ])
        defer { site.remove() }
        let problems = site.check()
        #expect(
            problems.contains {
                $0.hasPrefix("Content/actions/block.md:6:12: error: a value contains a colon")
                    && $0.contains("quote the value")
            })
    }

    @Test func anActionNeedsCityTitleKPIsAndStatus() throws {
        let site = try Self.site(["Content/actions/empty.md": "---\nowner: Someone\n---\nText.\n"])
        defer { site.remove() }
        let problems = site.check().filter { $0.hasPrefix("Content/actions/empty.md") }
        for key in ["city", "title", "kpis", "status"] {
            #expect(problems.contains { $0.contains("error: the action needs \"\(key)\"") })
        }
    }

    @Test func anActionShowsOnItsPageItsCityItsKPIRowsAndTheIndicatorPage() throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(site.build() == [])
        let page = try #require(site.read("actions/asker-resilience/index.html"))
        #expect(page.contains("<h1>=A resilience plan for every district</h1>"))
        #expect(page.contains("In progress"))
        #expect(page.contains("<strong>4 districts</strong>"))
        #expect(page.contains("Water department"))
        #expect(page.contains("2,500,000 NOK"))
        #expect(page.contains("href=\"https://example.org/plan.pdf\""))
        #expect(page.contains("/scores/indicators/sc-sh-sa-3a/"))

        let link = "href=\"/scores/actions/asker-resilience/\""
        let city = try #require(site.read("cities/asker/index.html"))
        #expect(city.contains("What the city is doing"))
        #expect(city.contains(link))
        let row = try #require(site.read("cities/asker/society-and-culture/index.html"))
        #expect(row.contains("class=\"row-action\" " + link))
        let indicator = try #require(site.read("indicators/sc-sh-sa-3a/index.html"))
        #expect(indicator.contains("What the cities are doing"))
        #expect(indicator.components(separatedBy: link).count - 1 == 2)  // in Asker's row and in the list

        // Karmøy is in band 1 on resilience plans and has no action: marked, on its pages and the indicator's.
        let karmoy = try #require(site.read("cities/karmoy/society-and-culture/index.html"))
        #expect(karmoy.contains("no action yet"))
        #expect(indicator.contains("no action yet"))
        #expect(
            try #require(site.read("cities/karmoy/index.html")).contains("Indicators in band 1 or 2 without an action"))
        // Asker's resilience plans row has its action, so it is not marked.
        #expect(!row.contains("no action yet"))

        let csv = try #require(site.read("data/actions.csv"))
        #expect(
            csv == """
                action,city,title,kpis,status,start,due,owner,budget,currency,sdgs,links
                asker-resilience,asker,'=A resilience plan for every district,SC: SH: SA: 3A,in-progress,2024-01,2026-12-31,Water department,2500000,NOK,6; 11,https://example.org/plan.pdf

                """)
        let package = try #require(site.read("data/datapackage.json"))
        #expect(package.contains("\"path\": \"actions.csv\""))
        #expect(package.contains("\"path\": \"programme.json\""))
    }

    @Test func aSiteWithoutActionsMarksNothing() throws {
        let site = try Self.site(["Content/actions/asker-resilience.md": nil])
        defer { site.remove() }
        #expect(site.build() == [])
        let karmoy = try #require(site.read("cities/karmoy/society-and-culture/index.html"))
        #expect(!karmoy.contains("no action yet"))
        #expect(!(try #require(site.read("cities/karmoy/index.html"))).contains("What the city is doing"))
        #expect(
            site.read("data/actions.csv")
                == "action,city,title,kpis,status,start,due,owner,budget,currency,sdgs,links\n")
    }

    @Test func theProgrammePageNamesSharedWeaknessesWhoActsAndWhomToLearnFrom() throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(site.build() == [])
        let page = try #require(site.read("programme/index.html"))
        #expect(page.contains("Shared weaknesses by indicator"))
        #expect(page.contains("id=\"shared-weaknesses\""))
        #expect(page.contains("id=\"programme-heatmap\""))
        #expect(site.read("programme/charts/shared-weaknesses.svg") != nil)
        // Resilience plans: 2 of 3 cities weak; Asker acts, Karmøy does not; learn from Rana.
        let section = try #require(page.components(separatedBy: "id=\"shared-indicators\"").last)
        let row = try #require(section.components(separatedBy: "<tr>").first { $0.contains("sc-sh-sa-3a") })
        #expect(row.contains("2 of 3"))
        let cells = row.components(separatedBy: "<td")
        #expect(cells.count == 5)
        #expect(cells[2].contains(">Asker<") && !cells[2].contains(">Karmøy<"))
        #expect(cells[3].contains(">Karmøy<"))
        #expect(cells[4].contains(">Rana<"))
        #expect(page.contains("Indicators most cities cannot report"))

        let data = try #require(site.read("data/programme.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        #expect(json["cities"] as? [String] == ["asker", "karmoy", "rana"])
        let shared = try #require(json["shared_weaknesses"] as? [[String: Any]])
        let first = try #require(shared.first)
        #expect(first["code"] as? String == "SC: SH: SA: 3A")
        #expect(first["weak"] as? Int == 2)
        #expect(first["weak_acting"] as? Int == 1)
        #expect(first["strong"] as? Int == 1)
        let actions = try #require(json["actions"] as? [String: Any])
        #expect(actions["total"] as? Int == 1)
        #expect(actions["in-progress"] as? Int == 1)
    }

    @Test func theProgrammePageCountsWhoMovedABandBetweenRounds() throws {
        let header = "city,kpi,datapoint,year,value,unit,source,round\n"
        let site = try Self.site([
            "Content/results/2020.csv": header + """
                karmoy,SC: SH: SA: 3A,,2019,no,,Report,2019
                karmoy,SC: SH: SA: 3A,,2021,yes,,Report,2021
                asker,SC: SH: SA: 3A,,2020,no,,Report,2020
                rana,SC: SH: SA: 3A,,2020,yes,,Report,2020

                """
        ])
        defer { site.remove() }
        #expect(site.build() == [])
        let page = try #require(site.read("programme/index.html"))
        let section = try #require(page.components(separatedBy: "id=\"progress\"").last)
        #expect(section.contains("1 of 3 cities have an earlier evaluation round"))
        let row = try #require(section.components(separatedBy: "<tr>").first { $0.contains("sc-sh-sa-3a") })
        #expect(row.contains("<td class=\"num\">1</td><td class=\"num\">0</td>"))
        #expect(row.contains("Karmøy"))
        let text = try #require(site.read("data/programme.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let progress = try #require(json["progress"] as? [String: Any])
        #expect(progress["cities"] as? [String] == ["karmoy"])
        #expect(progress["overall_up"] as? [String] == ["karmoy"])
    }

    @Test func withoutRoundsTheProgressSectionSaysWhy() throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(site.build() == [])
        let page = try #require(site.read("programme/index.html"))
        #expect(page.contains("Each city has one evaluation round"))
        #expect(try #require(site.read("data/programme.json")).contains("\"progress\": null"))
    }
}
