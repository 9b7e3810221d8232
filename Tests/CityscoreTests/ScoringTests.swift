import CityscoreModel
import CityscoreScoring
import Testing

@Suite("Scoring (the U4SSC method)")
struct ScoringTests {
    func kpi(_ code: String = "K: 1", direction: Direction = .higher, target: Double? = nil) -> KPI {
        KPI(
            code: code, name: code, direction: direction, target: target, dimension: "D", subdimension: "S",
            category: "C")
    }

    func observation(_ value: ObservedValue, year: Int = 2020) -> Observation {
        Observation(city: "c", kpi: "K: 1", year: year, value: value)
    }

    @Test(
        "Bands: boundaries take the higher band",
        arguments: [
            (0.0, Band.one), (32.99, .one), (33.0, .two), (65.99, .two), (66.0, .three), (94.99, .three), (95.0, .four),
            (250.0, .four), (-5.0, .one),
        ])
    func bands(percent: Double, band: Band) {
        #expect(Band(percent: percent) == band)
    }

    @Test func higherIsBetterAchievement() {
        // A household internet access of 97 % against a target of 100 % is 97 % of target: 4 points.
        let item = Scorer.score(
            kpi: kpi(), datapoint: nil, history: [observation(.number(97))],
            localTarget: LocalTarget(city: "c", kpi: "K: 1", target: 100))
        #expect(item.achievement == 97)
        #expect(item.points == 4)
        #expect(item.status == .scored)
    }

    @Test func fixedBroadbandAgainstThePublicBenchmark() {
        // The one public U4SSC benchmark: 60 % of households = 100 % of target. 84.51 % → 140.85 %.
        let item = Scorer.score(
            kpi: kpi(target: 60), datapoint: nil, history: [observation(.number(84.51))], localTarget: nil)
        #expect(abs((item.achievement ?? 0) - 140.85) < 0.001)
        #expect(item.points == 4)
        #expect(item.targetOrigin == .benchmark(source: ""))
    }

    @Test func lowerIsBetterAchievement() {
        // Unemployment of 4 % against a goal of 2 %: 2 / 4 = 50 % of target → 2 points.
        let item = Scorer.score(
            kpi: kpi(direction: .lower), datapoint: nil, history: [observation(.number(4))],
            localTarget: LocalTarget(city: "c", kpi: "K: 1", target: 2))
        #expect(item.achievement == 50)
        #expect(item.points == 2)
    }

    @Test func zeroWhereLowerIsBetterMeetsTheTarget() {
        let item = Scorer.score(
            kpi: kpi(direction: .lower), datapoint: nil, history: [observation(.number(0))],
            localTarget: LocalTarget(city: "c", kpi: "K: 1", target: 0.5))
        #expect(item.achievement == 100)
        #expect(item.points == 4)
    }

    @Test func yesNoNeedsNoTarget() {
        let yes = Scorer.score(
            kpi: kpi(direction: .yesNo), datapoint: nil, history: [observation(.yesNo(true))], localTarget: nil)
        let no = Scorer.score(
            kpi: kpi(direction: .yesNo), datapoint: nil, history: [observation(.yesNo(false))], localTarget: nil)
        #expect(yes.points == 4)
        #expect(no.points == 1)
        #expect(no.achievement == 0)
    }

    @Test func withoutTargetTheValueIsShownButNotScored() {
        let item = Scorer.score(kpi: kpi(), datapoint: nil, history: [observation(.number(5))], localTarget: nil)
        #expect(item.status == .noTarget)
        #expect(item.points == nil)
    }

    @Test func notReportedAndMissing() {
        let nr = Scorer.score(
            kpi: kpi(target: 1), datapoint: nil, history: [observation(.notReported)], localTarget: nil)
        let missing = Scorer.score(kpi: kpi(target: 1), datapoint: nil, history: [], localTarget: nil)
        #expect(nr.status == .notReported)
        #expect(missing.status == .missing)
        #expect(nr.points == nil && missing.points == nil)
    }

    @Test func latestYearIsScoredAndEarlierYearsGiveTheTrend() {
        let item = Scorer.score(
            kpi: kpi(direction: .lower), datapoint: nil,
            history: [observation(.number(6), year: 2018), observation(.number(4), year: 2020)],
            localTarget: LocalTarget(city: "c", kpi: "K: 1", target: 2))
        #expect(item.latest?.year == 2020)
        #expect(item.achievement == 50)
        #expect(item.trend == .improving)
        #expect(Scorer.trend(from: .number(100), to: .number(100.5), direction: .higher) == .stable)
        #expect(Scorer.trend(from: .number(10), to: .number(5), direction: .higher) == .worsening)
        #expect(Scorer.trend(from: .yesNo(false), to: .yesNo(true), direction: .yesNo) == .improving)
    }

    @Test func groupScoreIsPointsOverFourTimesScoredItems() {
        // A category with points 4, 3, 1 and one item not reported: 8 / 12 = 66.7 % → band 3.
        let items =
            [97.0, 70.0, 10.0].map { value in
                Scorer.score(
                    kpi: kpi(), datapoint: nil, history: [observation(.number(value))],
                    localTarget: LocalTarget(city: "c", kpi: "K: 1", target: 100))
            } + [Scorer.score(kpi: kpi(), datapoint: nil, history: [observation(.notReported)], localTarget: nil)]
        let score = GroupScore(items)
        #expect(score.points == 8)
        #expect(score.scored == 3)
        #expect(score.reported == 3)
        #expect(score.notReported == 1)
        #expect(abs((score.percent ?? 0) - 66.666) < 0.01)
        #expect(score.band == .three)
        #expect(GroupScore([]).percent == nil)
    }

    /// Property: whatever the values and targets, group percentages stay within 25–100 (so 0–100),
    /// and do not depend on the order of the rows.
    @Test func percentagesStayInRangeAndIgnoreRowOrder() {
        var rng = SplitMix(seed: 2020)
        for _ in 0..<300 {
            let count = Int(rng.next() % 12)
            let items: [ItemScore] = (0..<count).map { _ in
                let direction: Direction = [.higher, .lower, .yesNo][Int(rng.next() % 3)]
                let value: ObservedValue =
                    direction == .yesNo
                    ? .yesNo(rng.next() % 2 == 0)
                    : rng.next() % 5 == 0 ? .notReported : .number(rng.double(in: -50...1e6))
                let target: LocalTarget? =
                    rng.next() % 4 == 0
                    ? nil : LocalTarget(city: "c", kpi: "K: 1", target: rng.double(in: 0.001...1000))
                return Scorer.score(
                    kpi: kpi(direction: direction), datapoint: nil, history: [observation(value)], localTarget: target)
            }
            let score = GroupScore(items)
            if let percent = score.percent {
                #expect(percent >= 25 && percent <= 100)
            }
            var shuffled = items
            shuffled.shuffle(using: &rng)
            #expect(GroupScore(shuffled) == score)
            let cut = count == 0 ? 0 : Int(rng.next() % UInt64(count))
            #expect(
                GroupScore(combining: [GroupScore(Array(items[..<cut])), GroupScore(Array(items[cut...]))]) == score)
        }
    }

    /// A site of two cities, two KPIs (one with data points) and a few years per item.
    func site(observations: [Observation]) -> Site {
        let kpis = [
            kpi("K: 1", target: 100),
            KPI(
                code: "K: 2", name: "K: 2", datapoints: ["a", "b"], direction: .lower, target: 5, dimension: "D",
                subdimension: "S", category: "C"),
        ]
        return Site(
            config: SiteConfig(title: "t"), framework: Framework(kpis: kpis, origin: "test"),
            cities: ["x", "y"].map { City(slug: $0, name: $0, document: Document(path: $0, body: "", slug: $0)) },
            observations: observations, targets: [], pages: [])
    }

    /// Scorecards do not depend on the order of the observations (the validator sorts them; a
    /// site made in code need not).
    @Test func scorecardsIgnoreObservationOrder() {
        var rows: [Observation] = []
        for city in ["x", "y"] {
            for (code, datapoint) in [("K: 1", nil), ("K: 2", "a"), ("K: 2", "b")] as [(String, String?)] {
                for year in 2018...2021 {
                    let value = Double(year - 2000) + (city == "x" ? 0 : 3)
                    rows.append(
                        Observation(city: city, kpi: code, datapoint: datapoint, year: year, value: .number(value)))
                }
            }
        }
        let sorted = Scorer(site: site(observations: rows)).scorecards()
        #expect(sorted.map(\.overall.scored) == [3, 3])
        #expect(sorted[1].items.map { $0.history.map(\.year) } == Array(repeating: Array(2018...2021), count: 3))
        var rng = SplitMix(seed: 7)
        var shuffled = rows
        shuffled.shuffle(using: &rng)
        #expect(Scorer(site: site(observations: shuffled)).scorecards() == sorted)
        #expect(Scorer(site: site(observations: rows.reversed())).scorecards() == sorted)
    }
}

/// A small deterministic random number generator for property tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + Double(next() % 1_000_000) / 1_000_000 * (range.upperBound - range.lowerBound)
    }
}
