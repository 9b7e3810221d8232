import CityscoreModel
import CityscoreReading
import Foundation
import Testing

@testable import CityscoreValidation

/// A figure that cannot be true is an error at its cell: a percentage outside 0–100, a negative
/// count or share, a year that has not begun; unless the framework gives the KPI another range.
@Suite("Plausibility of values")
struct PlausibilityTests {
    func problems(_ rows: String, framework: String? = nil, currentYear: Int = 2025) throws -> [String] {
        var files: [String: String?] = [
            "Content/results/2022.csv": "city,kpi,datapoint,year,value,unit,source\n" + rows + "\n",
            "Content/results/2020.csv": nil,
        ]
        if let framework { files["Content/framework/kpis.csv"] = framework }
        let site = try TestSite.make(files)
        defer { site.remove() }
        guard let source = SiteReader(root: site.root).read().0 else { return ["unreadable"] }
        return SiteValidator(currentYear: currentYear).validate(source).1.map(\.description)
    }

    static let checkTheValue =
        "if such a value is possible for this KPI, give it a range in the framework's range column (e.g. \"..\" for any value)"

    @Test func aPercentageAbove100IsAnErrorAtItsCell() throws {
        let p = try problems(
            """
            karmoy,EC: ICT: ICT: 2C,,2022,84.51,%,Report
            karmoy,EC: ICT: ICT: 1C,,2022,850,%,Report
            """)
        #expect(
            p == [
                "Content/results/2022.csv:3:31: error: 850 is not a possible share of households with Internet access (a percentage must be between 0 and 100); check the value of EC: ICT: ICT: 1C (Household Internet Access); "
                    + Self.checkTheValue + " [implausible-value]"
            ])
    }

    @Test func aNegativeShareOrCountIsAnError() throws {
        let p = try problems(
            """
            karmoy,EC: ICT: ICT: 1C,,2022,-5,%,Report
            karmoy,EC: ICT: ICT: 3C,,2022,-1,per 100 000 inhabitants,Report
            """)
        #expect(p.count == 2)
        #expect(
            p.first?.hasPrefix(
                "Content/results/2022.csv:2:31: error: -5 is not a possible share of households with Internet access (a percentage must be between 0 and 100)"
            ) == true)
        #expect(
            p.last?.hasPrefix(
                "Content/results/2022.csv:3:31: error: -1 is not a possible value for Wireless Broadband Subscriptions (a count, rate or amount cannot be below zero)"
            ) == true)
    }

    @Test func theBoundsThemselvesAndTheRowsOwnUnitAreAccepted() throws {
        // 0 and 100 are possible percentages; 95424 per 100 000 inhabitants is not a percentage; a
        // row that says its value is a count is not held to 0–100 (Open Data's `number`).
        let p = try problems(
            """
            karmoy,EC: ICT: ICT: 1C,,2022,100.00,%,Report
            karmoy,EC: ICT: ICT: 2C,,2022,0,,Report
            karmoy,EC: ICT: ICT: 3C,,2022,195424,per 100 000 inhabitants,Report
            karmoy,EC: ICT: PS: 1A,number,2022,268,,Report
            karmoy,EC: ICT: PS: 1A,percentage,2022,100.00,%,Report
            """)
        #expect(p == [])
    }

    @Test func theKPIsUnitDecidesWhenTheRowGivesNone() throws {
        let p = try problems("karmoy,EC: ICT: ICT: 2C,,2022,101,,Report")
        #expect(
            p.first?.hasPrefix("Content/results/2022.csv:2:31: error: 101 is not a possible share of households")
                == true)
    }

    @Test func theFrameworksRangeWins() throws {
        // The built-in Gini coefficient runs 0..1, disaster losses (% of GDP) have no upper limit.
        let p = try problems(
            """
            asker,SC: SH: SI: 2C,,2022,1.2,,Report
            asker,SC: SH: SA: 2C,,2022,140,% of city GDP,Report
            """)
        #expect(
            p == [
                "Content/results/2022.csv:2:28: error: 1.2 is not a possible value for Gini Coefficient: the framework allows 0 to 1; check the value of SC: SH: SI: 2C (Gini Coefficient); "
                    + Self.checkTheValue + " [implausible-value]"
            ])
    }

    static let growthFramework = """
        code,dimension,subdimension,category,name,unit,direction,range
        EC: ICT: ICT: 1C,Economy,ICT,ICT Infrastructure,Household Internet Access,%,higher,
        EC: ICT: ICT: 2C,Economy,ICT,ICT Infrastructure,Fixed Broadband Subscriptions,%,higher,
        EC: ICT: ICT: 4C,Economy,ICT,ICT Infrastructure,Wireless Broadband Coverage,%,higher,
        EC: P: EM: 1C,Economy,Productivity,Employment,Unemployment Rate,%,lower,
        EC: P: EM: 2C,Economy,Productivity,Employment,Population growth,% per year,higher,-100..
        SC: SH: SA: 3A,Society,Safety,Safety,Resilience Plans,,yes-no,

        """

    @Test func aKPIThatAllowsNegativeValuesSaysSoInTheFramework() throws {
        let p = try problems(
            """
            asker,EC: P: EM: 2C,,2022,-3.5,% per year,Report
            asker,EC: P: EM: 2C,,2021,250,% per year,Report
            """, framework: Self.growthFramework)
        #expect(p == [])
        let q = try problems(
            "asker,EC: P: EM: 2C,,2022,-120,% per year,Report",
            framework: Self.growthFramework)
        #expect(
            q.first?.hasPrefix(
                "Content/results/2022.csv:2:27: error: -120 is not a possible value for Population growth: the framework allows -100 or more"
            ) == true)
    }

    @Test func aRangeThatIsNotOneIsAnErrorAtItsCell() throws {
        let p = try problems(
            "karmoy,EC: ICT: ICT: 1C,,2022,50,%,Report",
            framework: Self.growthFramework.replacingOccurrences(of: "higher,-100..", with: "higher,100..0"))
        #expect(
            p == [
                "Content/framework/kpis.csv:6:83: error: \"100..0\" in column \"range\" is not a range of values; write the lowest and highest possible value with two points between them: 0..100, 0.. for 0 or more, .. for any value [invalid-range]"
            ])
    }

    @Test func aYearThatHasNotBegunIsAnErrorAtItsCell() throws {
        let p = try problems(
            """
            karmoy,EC: ICT: ICT: 1C,,2025,90,%,Report
            karmoy,EC: ICT: ICT: 2C,,2026,80,%,Report
            """, currentYear: 2025)
        #expect(
            p == [
                "Content/results/2022.csv:3:26: error: the year 2026 has not begun yet (it is 2025 now); write the year the value refers to, e.g. 2020 [future-year]"
            ])
    }

    @Test func theCurrentYearComesFromTheClockInUTC() {
        // 2024-12-31T23:30:00Z is still 2024 in UTC, whatever the machine's time zone.
        #expect(Plausibility.currentYear(now: Date(timeIntervalSince1970: 1_735_687_800)) == 2024)
        #expect(Plausibility.currentYear() >= 2025)
    }

    @Test(arguments: [
        ("%", true), ("Percentage", true), ("Percentage (of city labour force)", true), ("% of city GDP", true),
        ("% (relative to GDP)", true), ("% / City GDP", true), ("Percentage of city GDP (per definition)", true),
        ("Percentage and Number", false), ("per 100 000 inhabitants", false), ("", false), ("ratio", false),
    ])
    func whichUnitsArePercentages(unit: String, percentage: Bool) {
        #expect(Plausibility.isPercentage(unit) == percentage)
    }

    @Test func rangesReadAndWriteBack() {
        #expect(Plausibility.parseRange("0..100") == ValueRange(lower: 0, upper: 100))
        #expect(Plausibility.parseRange("0..") == ValueRange.nonNegative)
        #expect(Plausibility.parseRange(" .. ") == ValueRange(lower: nil, upper: nil))
        #expect(Plausibility.parseRange("-0.5..0.5")?.text == "-0.5..0.5")
        #expect(Plausibility.parseRange("0-100") == nil)
        #expect(Plausibility.parseRange("1..0") == nil)
        #expect(Plausibility.words(ValueRange(lower: nil, upper: 10)) == "at most 10")
    }

    @Test func theDemoDataPasses() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let source = try #require(SiteReader(root: root).read().0)
        let problems = SiteValidator(currentYear: 2025).validate(source).1
        #expect(problems.map(\.description) == [])
    }
}
