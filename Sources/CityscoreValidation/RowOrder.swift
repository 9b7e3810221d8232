import CityscoreModel

/// The order of result and target rows (city, KPI code, data point, year) with every text replaced
/// by its rank among the site's cities, KPI codes and data points. Comparing and hashing two
/// integers gives the same order and the same duplicates as comparing the texts, at a fraction of
/// the cost on half a million rows.
struct RowOrder: Sendable {
    /// Where one row sorts; rows with equal keys are duplicates.
    struct Key: Hashable, Comparable, Sendable {
        /// City rank in the high half, KPI rank in the low half.
        var cityAndKPI: UInt64
        /// Data point rank in the high half (0 for none), year in the low half.
        var datapointAndYear: UInt64

        static func < (a: Key, b: Key) -> Bool {
            (a.cityAndKPI, a.datapointAndYear) < (b.cityAndKPI, b.datapointAndYear)
        }
    }

    /// A KPI of the framework with its rank and the ranks of its data points (in its own order).
    struct RankedKPI: Sendable {
        var kpi: KPI
        var rank: UInt32
        var datapointRanks: [UInt32]
    }

    private let cityRanks: [String: UInt32]
    private let kpis: [String: RankedKPI]

    /// Ranks the cities and every KPI code and data point of `framework`, each in `String` order.
    init(citySlugs: Set<String>, framework: Framework) {
        cityRanks = Self.ranks(of: citySlugs)
        // No data point ranks first, as the empty text does.
        let datapointRanks = Self.ranks(of: Set(framework.kpis.flatMap(\.datapoints)).union([""]))
        let codeRanks = Self.ranks(of: Set(framework.kpis.map(\.code)))
        var kpis: [String: RankedKPI] = [:]
        for (code, rank) in codeRanks {
            guard let kpi = framework.kpi(code) else { continue }
            kpis[code] = RankedKPI(kpi: kpi, rank: rank, datapointRanks: kpi.datapoints.map { datapointRanks[$0] ?? 0 })
        }
        self.kpis = kpis
    }

    /// Position of every text in sorted order.
    private static func ranks(of texts: Set<String>) -> [String: UInt32] {
        Dictionary(
            texts.sorted().enumerated().map { ($1, UInt32(truncatingIfNeeded: $0)) }, uniquingKeysWith: { a, _ in a })
    }

    /// The rank of a city slug, nil for a slug that is not a city.
    func cityRank(_ slug: String) -> UInt32? { cityRanks[slug] }

    /// The KPI with this code and its ranks, nil when the framework has no such KPI.
    func kpi(_ code: String) -> RankedKPI? { kpis[code] }

    /// The key of a row from the ranks of its city, KPI and data point (0 for none), and its year.
    /// With a `round` (a year, 0 for none), rows sort by round, then year: a year below 4096
    /// takes the low 12 bits, the round the bits above.
    static func key(city: UInt32, kpi: UInt32, datapoint: UInt32, year: Int, round: Int = 0) -> Key {
        Key(
            cityAndKPI: UInt64(city) << 32 | UInt64(kpi),
            datapointAndYear: UInt64(datapoint) << 32 | UInt64(UInt32(clamping: year))
                | UInt64(UInt32(clamping: round) & 0xFFFFF) << 12)
    }
}

extension RowOrder {
    /// Positions of `keys` in sorted order; equal keys keep their order (the first written first).
    static func sortedOrder<K: Comparable>(_ keys: [K]) -> [Int] {
        var keyed = zip(keys, keys.indices).map { (key: $0, index: $1) }
        keyed.sort { ($0.key, $0.index) < ($1.key, $1.index) }
        return keyed.map(\.index)
    }

    /// The rows whose key an earlier row already has, each with that first row, from `order` (as
    /// `sortedOrder` gives it: equal keys side by side, the first written first).
    static func duplicates<K: Equatable>(_ keys: [K], in order: [Int]) -> [(row: Int, first: Int)] {
        var found: [(row: Int, first: Int)] = []
        var first = order.first ?? 0
        for (previous, row) in zip(order, order.dropFirst()) {
            if keys[row] == keys[previous] { found.append((row, first)) } else { first = row }
        }
        return found
    }
}

extension Array {
    /// Moves the element at `order[i]` to position `i`, following each cycle of the permutation with swaps.
    mutating func rearrange(takingFrom order: [Int]) {
        var order = order
        for start in indices where order[start] != start {
            var i = start
            while order[i] != start {
                let next = order[i]
                swapAt(i, next)
                order[i] = i
                i = next
            }
            order[i] = i
        }
    }
}
