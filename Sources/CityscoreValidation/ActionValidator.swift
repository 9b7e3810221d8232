import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading
import CityscoreText

/// Checks `Content/actions/<slug>.md`: every field of the front matter, each problem at its line
/// and column with a "did you mean" where one is likely (unknown city, KPI or data point, a status
/// or currency misspelt, a date in another form, a due date before the start).
struct ActionValidator {
    static let keys: Set<String> = [
        "city", "title", "kpis", "status", "start", "due", "owner", "budget", "currency", "sdgs", "links",
        "description", "draft",
    ]

    var framework: Framework
    /// Slugs of every city file.
    var citySlugs: Set<String>
    /// Names the theme's templates use as `{{params.NAME}}`.
    var themeParams: Set<String> = []

    /// Every published action (drafts left out), sorted by city then slug.
    func validate(_ files: [MarkdownFile], diagnostics: inout [Diagnostic]) -> [Action] {
        var actions: [Action] = []
        for file in files {
            if let action = action(file, diagnostics: &diagnostics) { actions.append(action) }
        }
        return actions.sorted { ($0.city, $0.slug) < ($1.city, $1.slug) }
    }

    /// One action, or nil when it cannot be published (errors reported) or is a draft.
    func action(_ file: MarkdownFile, diagnostics: inout [Diagnostic]) -> Action? {
        let fields = file.frontMatter.fields
        let before = diagnostics.count
        guard Slug.isValid(file.name) else {
            diagnostics.append(
                .error(
                    "the file name \"\(file.name).md\" cannot be an action's address: use lowercase letters, digits and dashes",
                    at: SourceLocation(path: file.path, line: 1, column: 1),
                    suggestion: Slug.make(file.name).isEmpty ? nil : "rename it to \(Slug.make(file.name)).md",
                    code: .invalidSlug))
            return nil
        }
        if let problem = OutputPaths.check(
            "actions/" + file.name + "/index.html", slug: file.name, what: "action file name",
            at: SourceLocation(path: file.path, line: 0, column: 0),
            fix: { "rename the file to a shorter one, e.g. \($0).md" })
        {
            diagnostics.append(problem)
        }
        guard fields.isReadable else { return nil }
        diagnostics += Keys.unknown(fields, known: Self.keys, themeParams: themeParams, in: "an action's front matter")

        let city = required("city", fields, example: "city: asker", diagnostics: &diagnostics)
        if let city, !citySlugs.contains(city) {
            diagnostics.append(
                .error(
                    "unknown city \"\(city)\": an action belongs to a city of Content/cities/",
                    at: fields.valueLocation(of: "city"),
                    suggestion: Suggestions.didYouMean(city, in: citySlugs.sorted())
                        ?? "the cities are \(citySlugs.sorted().joined(separator: ", "))", code: .unknownCity))
        }
        let title = required("title", fields, example: "title: New cycle lanes", diagnostics: &diagnostics)
        let targets = kpis(fields, diagnostics: &diagnostics)
        var status: ActionStatus?
        if fields.string("status", into: &diagnostics) == nil {
            missing("status", fields, example: "status: planned", diagnostics: &diagnostics)
        } else if let value = Keys.oneOf(
            fields, "status", allowed: ActionStatus.allCases.map(\.rawValue), into: &diagnostics)
        {
            status = ActionStatus(rawValue: value)
        }
        let start = date("start", fields, diagnostics: &diagnostics)
        let due = date("due", fields, diagnostics: &diagnostics)
        if let start, let due, ActionDate.latestDay(due) < ActionDate.earliestDay(start) {
            diagnostics.append(
                .error(
                    "the due date \(due) is before the start \(start)", at: fields.valueLocation(of: "due"),
                    suggestion: "check both dates; a date is written YYYY-MM-DD", code: .invalidDate))
        }
        let owner = fields.string("owner", into: &diagnostics)
        let (budget, budgetText) = budget(fields, diagnostics: &diagnostics)
        let currency = currency(fields, hasBudget: budgetText != nil, diagnostics: &diagnostics)
        let sdgs = sdgs(fields, diagnostics: &diagnostics)
        let links = links(fields, diagnostics: &diagnostics)
        let draft = fields.bool("draft", into: &diagnostics) ?? false
        let description = fields.string("description", into: &diagnostics)

        let failed = diagnostics[before...].contains { $0.severity == .error }
        guard !failed, !draft, let city, let title, let status else { return nil }
        let document = Document(
            path: file.path, body: file.frontMatter.body, bodyLine: file.frontMatter.bodyLine, title: title,
            description: description, slug: file.name)
        return Action(
            slug: file.name, city: city, title: title, targets: targets, status: status, start: start, due: due,
            owner: owner.flatMap { $0.isEmpty ? nil : $0 }, budget: budget, budgetText: budgetText,
            currency: currency, sdgs: sdgs, links: links, document: document)
    }

    // MARK: Fields

    private func missing(_ key: String, _ fields: YAMLFields, example: String, diagnostics: inout [Diagnostic]) {
        diagnostics.append(
            .error(
                "the action needs \"\(key)\" in its front matter, e.g. \"\(example)\"", at: fields.location,
                code: .requiredField))
    }

    /// A text that must be given and not be empty.
    private func required(_ key: String, _ fields: YAMLFields, example: String, diagnostics: inout [Diagnostic])
        -> String?
    {
        guard let text = fields.string(key, into: &diagnostics) else {
            if !fields.keys.contains(key) || fields.strings(key, into: &diagnostics) != nil {
                missing(key, fields, example: example, diagnostics: &diagnostics)
            }
            return nil
        }
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else {
            missing(key, fields, example: example, diagnostics: &diagnostics)
            return nil
        }
        return trimmed
    }

    /// `kpis`: codes of the framework, a data point as `CODE/DATAPOINT`.
    private func kpis(_ fields: YAMLFields, diagnostics: inout [Diagnostic]) -> [ActionTarget] {
        // A code such as EC: ICT: ICT: 1C holds ": ", which YAML reads as a key unless it is quoted.
        var problems: [Diagnostic] = []
        let list = fields.strings("kpis", into: &problems)
        for problem in problems {
            diagnostics.append(
                problem.message.contains("single text value")
                    ? .error(
                        "put each KPI code of \"kpis\" in quotes: its colons are read as YAML keys otherwise",
                        at: problem.location, suggestion: "e.g. kpis: [\"EC: ICT: ICT: 1C\", \"EN: EN: AQ: 1C/PM2.5\"]",
                        code: .yamlSyntax)
                    : problem)
        }
        guard let items = list, !items.isEmpty else {
            if !fields.keys.contains("kpis") || list?.isEmpty == true {
                missing("kpis", fields, example: "kpis: [\"EN: EN: AQ: 1C/PM2.5\"]", diagnostics: &diagnostics)
            }
            return []
        }
        var targets: [ActionTarget] = []
        for (index, written) in items.enumerated() {
            let text = written.trimmingSpaces
            let at = fields.location(of: "kpis", item: index)
            var code = text
            var datapoint: String?
            if framework.kpi(text) == nil, let slash = text.lastIndex(of: "/") {
                code = String(text[..<slash]).trimmingSpaces
                datapoint = String(text[text.index(after: slash)...]).trimmingSpaces
            }
            guard let kpi = framework.kpi(code) else {
                diagnostics.append(
                    .error(
                        "unknown KPI \"\(code)\" in \"kpis\"", at: at,
                        suggestion: Suggestions.didYouMean(code, in: framework.codes)
                            ?? "use a code of the framework, e.g. \"\(framework.codes.first ?? "EC: ICT: ICT: 1C")\"; a data point is written CODE/DATAPOINT",
                        code: .unknownKPI))
                continue
            }
            if let point = datapoint {
                guard kpi.datapoints.contains(point) else {
                    diagnostics.append(
                        .error(
                            kpi.datapoints.isEmpty
                                ? "the KPI \"\(code)\" has no data points, so \"\(point)\" cannot be one of them"
                                : "\"\(point)\" is not a data point of the KPI \"\(code)\" (its data points are \(kpi.datapoints.joined(separator: ", ")))",
                            at: at,
                            suggestion: kpi.datapoints.isEmpty
                                ? "write the code alone: \"\(code)\""
                                : Suggestions.didYouMean(point, in: kpi.datapoints).map { _ in
                                    "did you mean \"\(code)/\(Suggestions.closest(to: point, in: kpi.datapoints) ?? point)\"?"
                                }, code: .unknownDatapoint))
                    continue
                }
            }
            let target = ActionTarget(kpi: kpi.code, datapoint: datapoint)
            if targets.contains(target) {
                diagnostics.append(.warning("\"\(text)\" is listed twice in \"kpis\"", at: at, code: .listedTwice))
                continue
            }
            targets.append(target)
        }
        return targets
    }

    /// `start` or `due`: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    private func date(_ key: String, _ fields: YAMLFields, diagnostics: inout [Diagnostic]) -> String? {
        guard let text = fields.string(key, into: &diagnostics)?.trimmingSpaces, !text.isEmpty else { return nil }
        if ActionDate.isValid(text) { return text }
        diagnostics.append(
            .error(
                "\"\(key)\" must be a date written YYYY-MM-DD (or YYYY-MM, or a year), found \"\(text)\"",
                at: fields.valueLocation(of: key),
                suggestion: ActionDate.rewritten(text).map { "did you mean \"\($0)\"?" }
                    ?? "e.g. \"\(key): 2025-03-01\"", code: .invalidDate))
        return nil
    }

    /// `budget`: a number of 0 or more, with a point for decimals.
    private func budget(_ fields: YAMLFields, diagnostics: inout [Diagnostic]) -> (Double?, String?) {
        guard let written = fields.string("budget", into: &diagnostics)?.trimmingSpaces, !written.isEmpty else {
            return (nil, nil)
        }
        let text = written.replacingOccurrences(of: "_", with: "")
        let isDecimal =
            !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
            && text.filter { $0 == "." }.count <= 1 && text.first != "." && text.last != "."
        guard isDecimal, let value = Double(text) else {
            let digits = written.filter { $0.isASCII && $0.isNumber }
            diagnostics.append(
                .error(
                    written.hasPrefix("-")
                        ? "the budget cannot be below zero"
                        : "\"budget\" must be a number of 0 or more, with a point for decimals and no spaces, commas or currency, found \"\(written)\"",
                    at: fields.valueLocation(of: "budget"),
                    suggestion: digits.isEmpty || written.hasPrefix("-")
                        ? "give the currency apart, e.g. \"budget: 2500000\" and \"currency: NOK\""
                        : "did you mean \"\(digits)\"? Give the currency apart, e.g. \"currency: NOK\"",
                    code: .notANumber))
            return (nil, nil)
        }
        return (value, text)
    }

    /// `currency`: an ISO 4217 code; needed with a budget.
    private func currency(_ fields: YAMLFields, hasBudget: Bool, diagnostics: inout [Diagnostic]) -> String? {
        guard let text = fields.string("currency", into: &diagnostics)?.trimmingSpaces, !text.isEmpty else {
            if hasBudget {
                diagnostics.append(
                    .error(
                        "the budget needs its currency", at: fields.valueLocation(of: "budget"),
                        suggestion: "add \"currency: NOK\" (or another ISO 4217 code such as EUR, USD)",
                        code: .requiredField))
            }
            return nil
        }
        if ISO4217.codes.contains(text) {
            if !hasBudget {
                diagnostics.append(
                    .warning(
                        "\"currency\" is given without a budget, so it is not shown",
                        at: fields.location(of: "currency"), suggestion: "add \"budget: 2500000\" or remove it",
                        code: .unusedField))
            }
            return text
        }
        let upper = text.uppercased()
        diagnostics.append(
            .error(
                "\"\(text)\" is not a currency code (ISO 4217: three capital letters such as NOK, EUR, USD)",
                at: fields.valueLocation(of: "currency"),
                suggestion: ISO4217.codes.contains(upper)
                    ? "did you mean \"\(upper)\"?"
                    : ISO4217.names[text.lowercased()].map { "did you mean \"\($0)\"?" }
                        ?? Suggestions.didYouMean(upper, in: ISO4217.codes.sorted()), code: .invalidValue))
        return nil
    }

    /// `sdgs`: numbers of the 17 Sustainable Development Goals.
    private func sdgs(_ fields: YAMLFields, diagnostics: inout [Diagnostic]) -> [Int] {
        guard let items = fields.strings("sdgs", into: &diagnostics) else { return [] }
        var goals: [Int] = []
        for (index, written) in items.enumerated() {
            let text = written.trimmingSpaces
            if let goal = Int(text), (1...17).contains(goal) {
                if !goals.contains(goal) { goals.append(goal) }
                continue
            }
            // "SDG 11", "Goal 11" or a target "11.2": the goal's number is meant.
            let digits = text.drop { !$0.isNumber }.prefix { $0.isNumber }
            let guess = Int(digits).flatMap { (1...17).contains($0) ? $0 : nil }
            diagnostics.append(
                .error(
                    "\"\(text)\" in \"sdgs\" is not a Sustainable Development Goal: the goals are numbered 1 to 17",
                    at: fields.location(of: "sdgs", item: index),
                    suggestion: guess.map { "did you mean \($0)?" } ?? "e.g. \"sdgs: [11, 13]\"", code: .invalidValue))
        }
        return goals
    }

    /// `links`: web addresses.
    private func links(_ fields: YAMLFields, diagnostics: inout [Diagnostic]) -> [String] {
        guard let items = fields.strings("links", into: &diagnostics) else { return [] }
        var links: [String] = []
        for (index, written) in items.enumerated() {
            let text = written.trimmingSpaces
            let lower = text.lowercased()
            let ok =
                (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && text.count > 8
                && !text.contains { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }
            if ok {
                links.append(text)
                continue
            }
            diagnostics.append(
                .error(
                    "\"\(text)\" in \"links\" is not a web address", at: fields.location(of: "links", item: index),
                    suggestion: lower.hasPrefix("www.")
                        ? "did you mean \"https://\(text)\"?" : "write the full address, starting with https://",
                    code: .invalidWebAddress))
        }
        return links
    }
}

/// The dates of actions: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, compared by the days they span.
enum ActionDate {
    /// Year, month and day as written (month and day nil when not given).
    static func parts(_ text: String) -> (year: Int, month: Int?, day: Int?)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0])
        else { return nil }
        var month: Int?
        var day: Int?
        if parts.count > 1 {
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count > 2, let m = month {
            guard parts[2].count == 2, let d = Int(parts[2]), (1...daysIn(year, m)).contains(d) else { return nil }
            day = d
        }
        return (year, month, day)
    }

    static func isValid(_ text: String) -> Bool { parts(text) != nil }

    static func daysIn(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The first day the date can mean, as a comparable number (YYYYMMDD).
    static func earliestDay(_ text: String) -> Int {
        guard let p = parts(text) else { return 0 }
        return p.year * 10_000 + (p.month ?? 1) * 100 + (p.day ?? 1)
    }

    /// The last day the date can mean, as a comparable number (YYYYMMDD).
    static func latestDay(_ text: String) -> Int {
        guard let p = parts(text) else { return 0 }
        let month = p.month ?? 12
        return p.year * 10_000 + month * 100 + (p.day ?? daysIn(p.year, month))
    }

    /// `DD.MM.YYYY`, `DD/MM/YYYY` or `YYYY/MM/DD` written as `YYYY-MM-DD`, when that is a valid date.
    static func rewritten(_ text: String) -> String? {
        let pieces = text.split { $0 == "." || $0 == "/" || $0 == "-" }.map(String.init)
        guard pieces.count == 3, pieces.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        func pad(_ s: String) -> String { s.count == 1 ? "0" + s : s }
        let candidate =
            pieces[0].count == 4
            ? "\(pieces[0])-\(pad(pieces[1]))-\(pad(pieces[2]))" : "\(pieces[2])-\(pad(pieces[1]))-\(pad(pieces[0]))"
        return isValid(candidate) && candidate != text ? candidate : nil
    }
}
