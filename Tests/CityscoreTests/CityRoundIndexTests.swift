import CityscoreModel
import Testing

/// `CityRoundIndex` looks each run of a city's rows up once: it must give the rounds the rule gives
/// for rows in any order, sorted or not.
@Suite struct CityRoundIndexTests {
    /// The rule read plainly, row by row.
    static func reference(_ rows: [Observation]) -> (rounds: [String: [Int]], unlabelled: [String: Int]) {
        var unlabelled: [String: Int] = [:]
        for o in rows where o.round == nil { unlabelled[o.city] = max(unlabelled[o.city] ?? o.year, o.year) }
        var sets: [String: Set<Int>] = [:]
        for o in rows {
            if let round = o.round ?? unlabelled[o.city] { sets[o.city, default: []].insert(round) }
        }
        return (sets.mapValues { $0.sorted() }, unlabelled)
    }

    static func rows(seed: UInt64, sorted: Bool) -> [Observation] {
        var generator = SplitMix(seed: seed)
        let cities = ["bergen", "oslo", "a-city-with-a-long-slug-name", "tromso"]
        var rows: [Observation] = []
        for _ in 0..<Int.random(in: 0...60, using: &generator) {
            let year = Int.random(in: 2015...2024, using: &generator)
            let round: Int? = Bool.random(using: &generator) ? nil : Int.random(in: 2016...2025, using: &generator)
            rows.append(
                Observation(
                    city: cities.randomElement(using: &generator) ?? "oslo", kpi: "EC: ICT: ICT: 1C", year: year,
                    value: .number(1), round: round))
        }
        return sorted ? rows.sorted { $0.city < $1.city } : rows
    }

    @Test(arguments: [false, true]) func givesTheRoundsTheRuleGives(sorted: Bool) {
        for seed in UInt64(1)...200 {
            let rows = Self.rows(seed: seed, sorted: sorted)
            let index = CityRoundIndex(rows)
            let expected = Self.reference(rows)
            for city in Set(rows.map(\.city)).union(["nowhere"]) {
                #expect(index.rounds(of: city) == (expected.rounds[city] ?? []), "seed \(seed), \(city)")
            }
            for row in rows {
                #expect(index.round(of: row) == row.round ?? expected.unlabelled[row.city] ?? row.year)
            }
        }
    }
}
