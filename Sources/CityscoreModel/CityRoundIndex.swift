/// Which evaluation rounds each city's rows belong to. A row read with a `round` belongs to that
/// round; the rows of a city read without one (a results file without the column) are one round
/// together, named by their latest year.
public struct CityRoundIndex: Sendable {
    /// Each city's rounds, oldest first.
    private let rounds: [String: [Int]]
    /// The round of a city's rows that were read without one.
    private let unlabelled: [String: Int]

    /// The rounds of `observations`. Rows come city by city (validated rows are sorted), so each run
    /// of one city's rows is looked up once, not once per row; any order gives the same index.
    public init(_ observations: [Observation]) {
        var unlabelled: [String: Int] = [:]
        var labelled: [String: Set<Int>] = [:]
        for (city, run) in observations.cityRuns() {
            var latestUnlabelled: Int?
            var rounds: [Int] = []  // a city has a few rounds: a scan is cheaper than hashing each row's
            for o in observations[run] {
                if let round = o.round {
                    if !rounds.contains(round) { rounds.append(round) }
                } else {
                    latestUnlabelled = max(latestUnlabelled ?? o.year, o.year)
                }
            }
            if let latestUnlabelled { unlabelled[city] = max(unlabelled[city] ?? latestUnlabelled, latestUnlabelled) }
            labelled[city, default: []].formUnion(rounds)
        }
        // A city's rows read without a round are one round, named by their latest year.
        for (city, round) in unlabelled { labelled[city, default: []].insert(round) }
        self.rounds = labelled.filter { !$0.value.isEmpty }.mapValues { $0.sorted() }
        self.unlabelled = unlabelled
    }

    /// The rounds of `city`, oldest first.
    public func rounds(of city: String) -> [Int] { rounds[city] ?? [] }

    /// The round a row belongs to.
    public func round(of observation: Observation) -> Int {
        observation.round ?? unlabelled[observation.city] ?? observation.year
    }
}
