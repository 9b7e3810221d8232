import CityscoreDiagnostics

/// Where an action stands (`status` in `Content/actions/<slug>.md`).
public enum ActionStatus: String, Sendable, Hashable, CaseIterable {
    case planned
    case inProgress = "in-progress"
    case done
    case stopped
}

/// A KPI, or one data point of a KPI, that an action targets (`kpis: [CODE, CODE/DATAPOINT]`).
public struct ActionTarget: Sendable, Hashable {
    /// The KPI's framework code.
    public var kpi: String
    /// The data point, when the action targets one data point only.
    public var datapoint: String?

    /// Creates a target.
    public init(kpi: String, datapoint: String? = nil) {
        self.kpi = kpi
        self.datapoint = datapoint
    }

    /// Whether the action targets the item of `kpi` and `datapoint`: a target without a data point
    /// covers every data point of its KPI.
    public func covers(kpi code: String, datapoint point: String?) -> Bool {
        kpi == code && (datapoint == nil || datapoint == point)
    }

    /// `CODE` or `CODE/DATAPOINT`, as written in the front matter.
    public var text: String { datapoint.map { "\(kpi)/\($0)" } ?? kpi }
}

/// What a city does about its KPIs: `Content/actions/<slug>.md`, validated.
public struct Action: Sendable, Hashable {
    /// File name without `.md`: the page is `actions/<slug>/`.
    public var slug: String
    /// Slug of the city that acts.
    public var city: String
    public var title: String
    /// The KPIs and data points it targets, in the order written.
    public var targets: [ActionTarget]
    public var status: ActionStatus
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as written.
    public var start: String?
    public var due: String?
    /// Who is responsible (a department, a person).
    public var owner: String?
    public var budget: Double?
    /// The budget as written (`2500000`, `2_500_000` is written back without `_`).
    public var budgetText: String?
    /// ISO 4217 code of the budget (`NOK`).
    public var currency: String?
    /// UN Sustainable Development Goals (1–17).
    public var sdgs: [Int]
    /// Web addresses (`https://…`) of plans, decisions, reports.
    public var links: [String]
    /// The Markdown body, its path and first line (for diagnostics and links).
    public var document: Document

    /// Creates an action.
    public init(
        slug: String, city: String, title: String, targets: [ActionTarget], status: ActionStatus,
        start: String? = nil, due: String? = nil, owner: String? = nil, budget: Double? = nil,
        budgetText: String? = nil, currency: String? = nil, sdgs: [Int] = [], links: [String] = [],
        document: Document
    ) {
        self.slug = slug
        self.city = city
        self.title = title
        self.targets = targets
        self.status = status
        self.start = start
        self.due = due
        self.owner = owner
        self.budget = budget
        self.budgetText = budgetText
        self.currency = currency
        self.sdgs = sdgs
        self.links = links
        self.document = document
    }

    /// Whether the action targets the item of `kpi` and `datapoint`.
    public func targets(kpi: String, datapoint: String?) -> Bool {
        targets.contains { $0.covers(kpi: kpi, datapoint: datapoint) }
    }

    /// Whether the action targets `kpi` at all (any of its data points).
    public func targets(kpi: String) -> Bool { targets.contains { $0.kpi == kpi } }
}

/// The columns of `data/actions.csv`, in order: ``DataColumns/actions``. The writer switches over
/// `allCases`, so a new column cannot be forgotten.
public enum ActionsColumn: String, CaseIterable, Sendable {
    case action, city, title, kpis, status, start, due, owner, budget, currency, sdgs, links
}
