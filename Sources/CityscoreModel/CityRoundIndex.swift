/// Which evaluation rounds each city's rows belong to. A row read with a `round` belongs to that
/// round; the rows of a city read without one (a results file without the column) are one round
/// together, named by their latest year.
public struct CityRoundIndex: Sendable {
    /// Each city's rounds, oldest first.
    private let rounds: [String: [Int]]
    /// The round of a city's rows that were read without one.
    private let unlabelled: [String: Int]

    /// The rounds of `observations`.
    public init(_ observations: [Observation]) {
        var unlabelled: [String: Int] = [:]
        for o in observations where o.round == nil {
            unlabelled[o.city] = max(unlabelled[o.city] ?? o.year, o.year)
        }
        var sets: [String: Set<Int>] = [:]
        for o in observations {
            if let round = o.round ?? unlabelled[o.city] { sets[o.city, default: []].insert(round) }
        }
        self.rounds = sets.mapValues { $0.sorted() }
        self.unlabelled = unlabelled
    }

    /// The rounds of `city`, oldest first.
    public func rounds(of city: String) -> [Int] { rounds[city] ?? [] }

    /// The round a row belongs to.
    public func round(of observation: Observation) -> Int {
        observation.round ?? unlabelled[observation.city] ?? observation.year
    }
}
