import CityscoreModel
import CityscoreReading
import CityscoreScoring
import CityscoreValidation
import Foundation
import Testing

/// A data point may override its KPI's direction: more landfill or more private-car share must
/// score lower, more recycling or walking higher.
@Suite("Direction per data point")
struct DirectionTests {
    /// The framework a site validates to (the built-in one unless `overrides` give another).
    static func framework(_ overrides: [String: String?] = [:]) throws -> (Framework?, [String]) {
        let site = try TestSite.make(overrides)
        defer { site.remove() }
        guard let source = SiteReader(root: site.root).read().0 else { return (nil, ["unreadable"]) }
        let (validated, diagnostics) = SiteValidator().validate(source)
        return (validated?.framework, diagnostics.map(\.description))
    }

    @Test func solidWasteTreatmentScoresLandfillLowerIsBetter() throws {
        let (framework, problems) = try Self.framework()
        #expect(problems == [])
        let kpi = try #require(framework?.kpi("EN: EN: WA: 1C"))
        for point in ["landfill", "burnt", "incinerated", "open dump", "other"] {
            #expect(kpi.direction(for: point) == .lower, "\(point)")
        }
        #expect(kpi.direction(for: "recycled") == .higher)
        // 20 % landfilled against a goal of 10 %: half of target (2 points), not 200 % (4 points).
        let landfill = Scorer.score(
            kpi: kpi, datapoint: "landfill",
            history: [Observation(city: "c", kpi: kpi.code, datapoint: "landfill", year: 2020, value: .number(20))],
            localTarget: LocalTarget(city: "c", kpi: kpi.code, datapoint: "landfill", target: 10))
        #expect(landfill.achievement == 50)
        #expect(landfill.points == 2)
        let recycled = Scorer.score(
            kpi: kpi, datapoint: "recycled",
            history: [Observation(city: "c", kpi: kpi.code, datapoint: "recycled", year: 2020, value: .number(20))],
            localTarget: LocalTarget(city: "c", kpi: kpi.code, datapoint: "recycled", target: 40))
        #expect(recycled.achievement == 50)
        // Less landfill than last year is an improvement.
        let falling = Scorer.score(
            kpi: kpi, datapoint: "landfill",
            history: [2019, 2020].map {
                Observation(
                    city: "c", kpi: kpi.code, datapoint: "landfill", year: $0, value: .number($0 == 2019 ? 30 : 20))
            }, localTarget: nil)
        #expect(falling.trend == .improving)
    }

    @Test func transportationModeSharePrivateCarIsLowerIsBetter() throws {
        let kpi = try #require(try Self.framework().0?.kpi("EC: I: T: 4A"))
        #expect(kpi.direction(for: "private vehicles") == .lower)
        for point in ["public transport", "walking", "cycling", "para transport"] {
            #expect(kpi.direction(for: point) == .higher, "\(point)")
        }
    }

    /// The audit of every KPI with data points in the built-in framework: each data point's
    /// direction, and the evidence for every override.
    @Test func everyDataPointOfTheBuiltInFrameworkHasItsAuditedDirection() throws {
        let framework = try #require(try Self.framework().0)
        var directions: [String: [String]] = [:]
        for kpi in framework.kpis where !kpi.datapoints.isEmpty {
            directions[kpi.code] = kpi.datapoints.map { "\($0): \(kpi.direction(for: $0).rawValue)" }
            if !kpi.datapointDirections.isEmpty {
                #expect(kpi.evidence.contains("direction per data point"), "\(kpi.code) gives no evidence")
            }
        }
        #expect(
            directions == [
                "EC: ICT: ICT: 4C": ["3G: higher", "4G: higher"],
                "EC: ICT: PS: 1A": ["number: higher", "percentage: higher"],
                "EC: I: T: 4A": [
                    "private vehicles: lower", "public transport: higher", "walking: higher", "cycling: higher",
                    "para transport: higher",
                ],
                "EC: I: UP: 2A": [
                    "compact: yes-no", "connected: yes-no", "integrated: yes-no", "inclusive: yes-no",
                    "resilient: yes-no",
                ],
                "EN: EN: AQ: 1C": ["PM2.5: lower", "PM10: lower", "NO2: lower", "SO2: lower", "O3: lower"],
                "EN: EN: WS: 4C": ["primary: higher", "secondary: higher", "tertiary: higher"],
                "EN: EN: WA: 1C": [
                    "landfill: lower", "burnt: lower", "incinerated: lower", "open dump: lower", "recycled: higher",
                    "other: lower",
                ],
            ])
    }

    @Test func aDataPointWithoutAnOverrideTakesTheKPIsDirection() {
        let kpi = KPI(
            code: "K: 1", name: "Mode share", datapoints: ["car", "bus"], direction: .higher,
            datapointDirections: ["car": .lower], dimension: "D", subdimension: "S", category: "C")
        #expect(kpi.direction(for: "car") == .lower)
        #expect(kpi.direction(for: "bus") == .higher)
        #expect(kpi.direction(for: nil) == .higher)
    }

    static let ownFramework = """
        code,dimension,subdimension,category,name,datapoints,unit,direction,datapoint_directions
        EC: ICT: ICT: 1C,Economy,ICT,ICT Infrastructure,Household Internet Access,,%,higher,
        EC: ICT: ICT: 2C,Economy,ICT,ICT Infrastructure,Fixed Broadband Subscriptions,,%,higher,
        EC: ICT: ICT: 4C,Economy,ICT,ICT Infrastructure,Wireless Broadband Coverage,3G;4G,%,higher,4G: lower
        EC: P: EM: 1C,Economy,Productivity,Employment,Unemployment Rate,,%,lower,
        EC: P: EM: 2C,Economy,Productivity,Employment,Youth Unemployment Rate,,%,lower,
        SC: SH: SA: 3A,Society,Safety,Safety,Resilience Plans,,,yes-no,

        """

    @Test func aSitesOwnFrameworkCanSayDirectionsPerDataPoint() throws {
        let (framework, problems) = try Self.framework(["Content/framework/kpis.csv": Self.ownFramework])
        #expect(problems == [])
        let kpi = try #require(framework?.kpi("EC: ICT: ICT: 4C"))
        #expect(kpi.direction(for: "4G") == .lower)
        #expect(kpi.direction(for: "3G") == .higher)
    }

    @Test func aWrongDataPointOrDirectionIsAnErrorAtItsCell() throws {
        let framework = Self.ownFramework.replacingOccurrences(
            of: "3G;4G,%,higher,4G: lower", with: "3G;4G,%,higher,5G: lower; 3G: lowr; 4G")
        let (_, problems) = try Self.framework(["Content/framework/kpis.csv": framework])
        #expect(
            problems == [
                "Content/framework/kpis.csv:4:92: error: \"5G\" is not a data point of EC: ICT: ICT: 4C (its data points are 3G, 4G); did you mean \"3G\"? [unknown-datapoint]",
                "Content/framework/kpis.csv:4:92: error: the direction \"lowr\" of 3G is not one of higher, lower, yes-no; did you mean \"lower\"? [invalid-direction]",
                "Content/framework/kpis.csv:4:92: error: \"4G\" in column \"datapoint_directions\" does not say which data point has which direction; write the data point, a colon and its direction, e.g. landfill: lower [invalid-datapoint-directions]",
            ])
    }
}
