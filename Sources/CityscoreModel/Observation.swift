import CityscoreDiagnostics

/// One row of `results/*.csv`, validated.
///
/// A value type whose fields live in one shared, compact block: copying an observation (into an
/// item's history, a slice, a scorecard) copies one reference instead of some 220 bytes, and the
/// first change to a copy gives it a block of its own (copy on write). A 1,000-city site holds
/// 560,000 of them, and every scorecard refers to them.
public struct Observation: Sendable, Hashable {
    /// What many rows of a results file have in common (the data point, unit, source, note, file
    /// and `x-` columns), held once for all of them: a 2,000-city file of 224,000 rows has about
    /// 4,000 different ones.
    fileprivate final class Labels: Sendable {
        let fields: LabelFields

        init(_ fields: LabelFields) { self.fields = fields }
    }

    /// The fields of `Labels`.
    fileprivate struct LabelFields: Sendable, Hashable {
        var datapoint: String?
        var unit: String
        var source: String
        var note: String
        var path: String
        var extra: [String: String]
    }

    /// Equal labels of many rows made into one block: a results file's rows share their labels
    /// through one pool (see `shareLabels(in:)`).
    public struct LabelPool: Sendable {
        fileprivate var blocks: [LabelFields: Labels] = [:]

        /// Creates an empty pool.
        public init() {}

        /// How many different labels the pool holds.
        public var count: Int { blocks.count }

        fileprivate mutating func shared(_ labels: Labels) -> Labels {
            if let shared = blocks[labels.fields] { return shared }
            blocks[labels.fields] = labels
            return labels
        }
    }

    /// The fields, packed: years and positions as 32-bit numbers, what rows share in `labels`.
    private final class Storage: @unchecked Sendable {
        // Only a block referenced by one observation is ever changed (see `mutate`), so sharing
        // one between threads is safe; `shareLabels(in:)` is the exception, and replaces the
        // labels with equal ones before the row is seen by another thread.
        var city: String
        var kpi: String
        var valueText: String
        var labels: Labels
        var value: ObservedValue
        var line: Int32
        var column: Int32
        var year: Int32
        /// `Storage.noRound` for none.
        var round: Int32
        var noBenchmark: Bool
        var quality: DataQuality?
        var verified: Bool?

        static let noRound = Int32.min

        init(
            city: String, kpi: String, valueText: String, labels: Labels, value: ObservedValue, line: Int32,
            column: Int32, year: Int32, round: Int32, noBenchmark: Bool, quality: DataQuality?, verified: Bool?
        ) {
            self.city = city
            self.kpi = kpi
            self.valueText = valueText
            self.labels = labels
            self.value = value
            self.line = line
            self.column = column
            self.year = year
            self.round = round
            self.noBenchmark = noBenchmark
            self.quality = quality
            self.verified = verified
        }

        func copy() -> Storage {
            Storage(
                city: city, kpi: kpi, valueText: valueText, labels: labels, value: value, line: line, column: column,
                year: year, round: round, noBenchmark: noBenchmark, quality: quality, verified: verified)
        }

        /// Changes the labels of this block (one observation's own) to a new block.
        func relabel(_ change: (inout LabelFields) -> Void) {
            var fields = labels.fields
            change(&fields)
            labels = Labels(fields)
        }
    }

    private var storage: Storage

    /// The block to change: this observation's own (copied first when another observation shares it).
    private mutating func mutable() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// Creates an observation.
    public init(
        city: String, kpi: String, datapoint: String? = nil, year: Int, value: ObservedValue, unit: String = "",
        source: String = "", note: String = "", quality: DataQuality? = nil, verified: Bool? = nil,
        extra: [String: String] = [:], location: SourceLocation = SourceLocation(path: ""), valueText: String = "",
        noBenchmark: Bool = false, round: Int? = nil
    ) {
        let labels = Labels(
            LabelFields(datapoint: datapoint, unit: unit, source: source, note: note, path: location.path, extra: extra)
        )
        storage = Storage(
            city: city, kpi: kpi, valueText: valueText, labels: labels, value: value,
            line: Int32(clamping: location.line), column: Int32(clamping: location.column),
            year: Int32(clamping: year), round: round.map { Int32(clamping: $0) } ?? Storage.noRound,
            noBenchmark: noBenchmark, quality: quality, verified: verified)
    }

    /// Makes this row hold the labels (data point, unit, source, note, file, `x-` columns) that
    /// `pool` holds for equal ones, or adds its own to the pool: nothing any copy of the row reads
    /// changes. Only for a row no other thread can see yet, as validation does with each row it
    /// has just made.
    public func shareLabels(in pool: inout LabelPool) {
        let block = storage
        block.labels = pool.shared(block.labels)
    }

    /// Whether the two hold their labels in one block (see `shareLabels(in:)`).
    public func sharesLabels(with other: Observation) -> Bool { storage.labels === other.storage.labels }

    public var city: String {
        get { storage.city }
        set { mutable().city = newValue }
    }
    public var kpi: String {
        get { storage.kpi }
        set { mutable().kpi = newValue }
    }
    public var datapoint: String? {
        get { storage.labels.fields.datapoint }
        set { mutable().relabel { $0.datapoint = newValue } }
    }
    public var year: Int {
        get { Int(storage.year) }
        set { mutable().year = Int32(clamping: newValue) }
    }
    /// The evaluation round the row belongs to (the `round` column, a year; an empty cell means the
    /// row's year). Nil when the row was not read with a round: every such row of a city is then
    /// one round, labelled by its latest year.
    public var round: Int? {
        get { storage.round == Storage.noRound ? nil : Int(storage.round) }
        set { mutable().round = newValue.map { Int32(clamping: $0) } ?? Storage.noRound }
    }
    public var value: ObservedValue {
        get { storage.value }
        set { mutable().value = newValue }
    }
    /// The value cell as written (`0.001`, `3.90`, `97.00`), trimmed: shown with the digits it was
    /// given and written back as read. Empty when the observation was not read from a file.
    public var valueText: String {
        get { storage.valueText }
        set { mutable().valueText = newValue }
    }
    /// `benchmark` column `none`: the city's report says the KPI has no benchmark, so it is shown
    /// but never scored, even where the site has a goal for it.
    public var noBenchmark: Bool {
        get { storage.noBenchmark }
        set { mutable().noBenchmark = newValue }
    }
    public var unit: String {
        get { storage.labels.fields.unit }
        set { mutable().relabel { $0.unit = newValue } }
    }
    public var source: String {
        get { storage.labels.fields.source }
        set { mutable().relabel { $0.source = newValue } }
    }
    public var note: String {
        get { storage.labels.fields.note }
        set { mutable().relabel { $0.note = newValue } }
    }
    public var quality: DataQuality? {
        get { storage.quality }
        set { mutable().quality = newValue }
    }
    public var verified: Bool? {
        get { storage.verified }
        set { mutable().verified = newValue }
    }
    /// `x-` columns, by column name.
    public var extra: [String: String] {
        get { storage.labels.fields.extra }
        set { mutable().relabel { $0.extra = newValue } }
    }
    /// Where the row is.
    public var location: SourceLocation {
        get {
            SourceLocation(path: storage.labels.fields.path, line: Int(storage.line), column: Int(storage.column))
        }
        set {
            let block = mutable()
            if block.labels.fields.path != newValue.path { block.relabel { $0.path = newValue.path } }
            block.line = Int32(clamping: newValue.line)
            block.column = Int32(clamping: newValue.column)
        }
    }

    /// Whether the two are the same row held twice (one block, not a copy): an item's history and
    /// the site's rows share every row this way.
    public func isIdentical(to other: Observation) -> Bool { storage === other.storage }

    /// The row held (the same for every copy that `isIdentical` to this one), as a dictionary key.
    public var identity: ObjectIdentifier { ObjectIdentifier(storage) }

    public static func == (a: Observation, b: Observation) -> Bool {
        let (x, y) = (a.storage, b.storage)
        if x === y { return true }
        return x.city == y.city && x.kpi == y.kpi && x.year == y.year && x.round == y.round && x.value == y.value
            && x.valueText == y.valueText && x.noBenchmark == y.noBenchmark && x.quality == y.quality
            && x.verified == y.verified && x.line == y.line && x.column == y.column
            && (x.labels === y.labels || x.labels.fields == y.labels.fields)
    }

    public func hash(into hasher: inout Hasher) {
        let x = storage
        hasher.combine(x.city)
        hasher.combine(x.kpi)
        hasher.combine(x.year)
        hasher.combine(x.round)
        hasher.combine(x.value)
        hasher.combine(x.valueText)
        hasher.combine(x.noBenchmark)
        hasher.combine(x.quality)
        hasher.combine(x.verified)
        hasher.combine(x.labels.fields)
        hasher.combine(x.line)
        hasher.combine(x.column)
    }
}
