import CityscoreDiagnostics
import CityscoreText
import Foundation
import Yams

/// A YAML mapping read with Yams, whose values are taken out one key at a time, typed, each problem
/// reported at the key's own line and column. Scalars are read as the text written (no `NO` → false
/// surprises); types are checked by the getter that asks for them.
public struct YAMLFields: Sendable {
    /// A value as written: one scalar, a list of scalars (nil for items that are not scalars), or a mapping.
    enum Value: Sendable {
        case scalar(String, isNull: Bool)
        case list([String?])
        case mapping

        init(_ node: Node) {
            switch node {
            case .scalar(let scalar):
                self = .scalar(
                    scalar.string,
                    isNull: scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string))
            case .sequence(let sequence):
                self = .list(sequence.map { $0.scalar?.string })
            default:
                self = .mapping
            }
        }

        var text: String? {
            if case .scalar(let text, _) = self { return text }
            return nil
        }
    }

    struct Entry: Sendable {
        var key: String
        var node: Value
        var location: SourceLocation
        /// Where the value starts, and where each item of a list starts.
        var valueLocation: SourceLocation
        var itemLocations: [SourceLocation] = []
        /// The keys of a mapping value, each with its scalar value (nil when not a scalar) and places.
        var pairs: [Pair] = []
    }

    /// One `key: value` of a mapping value (`diagnostics: {ignored-file: off}`).
    public struct Pair: Sendable {
        public var key: String
        public var value: String?
        public var location: SourceLocation
        public var valueLocation: SourceLocation
    }

    /// Keys in the order written.
    var entries: [Entry]
    /// Where the mapping starts.
    public var location: SourceLocation
    /// False when the YAML could not be read at all (its error is already reported).
    public var isReadable = true

    /// Parses `text`, which starts at `firstLine` of the site file `path`.
    /// Empty text is an empty mapping; anything but a mapping at the top level is an error.
    public static func parse(_ text: String, path: String, firstLine: Int = 1) -> (YAMLFields, [Diagnostic]) {
        let start = SourceLocation(path: path, line: firstLine, column: 1)
        func at(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return start }
            return SourceLocation(path: path, line: mark.line + firstLine - 1, column: mark.column)
        }
        // Anchors and aliases are refused before Yams expands them (exponentially, for aliases of aliases).
        if let (found, count) = YAMLAliases.scan(text) {
            let what =
                found.isAlias
                ? "a YAML alias (a copy of a value named elsewhere)" : "a YAML anchor (a name for a value)"
            let more = count > 1 ? " (and \(count - 1) more)" : ""
            return (
                YAMLFields(entries: [], location: start, isReadable: false),
                [
                    .error(
                        "\(found.text.quotedForMessage()) is \(what), which cityscore does not read\(more)",
                        at: SourceLocation(path: path, line: found.line + firstLine - 1, column: found.column),
                        suggestion: "write each value out in full; if you meant the text, put it in quotes: "
                            + "\"\(found.text.prefix(40))\"", code: .yamlAlias)
                ]
            )
        }
        let node: Node?
        do {
            // Values are read as the text written, so tags are never resolved (the basic resolver:
            // no pattern matching on every scalar); the encoding is given, as its default reads the
            // whole process environment on every call.
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            let (problem, mark) = describe(error)
            if problem.contains("keys to be unique"), let duplicate = duplicateKey(in: text) {
                return (
                    YAMLFields(entries: [], location: start, isReadable: false),
                    [
                        .error(
                            "\"\(duplicate.key)\" is given twice",
                            at: SourceLocation(path: path, line: duplicate.line + firstLine - 1, column: 1),
                            code: .duplicateKey)
                    ]
                )
            }
            let (message, fix) = YAMLMessages.plain(problem)
            return (
                YAMLFields(entries: [], location: start, isReadable: false),
                [.error(message, at: at(mark), suggestion: fix, code: .yamlSyntax)]
            )
        } catch {
            return (
                YAMLFields(entries: [], location: start, isReadable: false),
                [.error("YAML could not be read: \(error)", at: start, code: .yamlSyntax)]
            )
        }
        guard let node else { return (YAMLFields(entries: [], location: start), []) }
        guard let mapping = node.mapping else {
            return (
                YAMLFields(entries: [], location: start, isReadable: false),
                [.error("expected \"key: value\" lines at the top level", at: at(node.mark), code: .yamlSyntax)]
            )
        }
        var diagnostics: [Diagnostic] = []
        var entries: [Entry] = []
        var seen = Set<String>()
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                diagnostics.append(.error("a key must be plain text", at: at(key.mark), code: .yamlSyntax))
                continue
            }
            if !seen.insert(name).inserted {
                diagnostics.append(.error("\"\(name)\" is given twice", at: at(key.mark), code: .duplicateKey))
                continue
            }
            var entry = Entry(key: name, node: Value(value), location: at(key.mark), valueLocation: at(value.mark))
            if case .sequence(let sequence) = value { entry.itemLocations = sequence.map { at($0.mark) } }
            if case .mapping(let pairs) = value {
                entry.pairs = pairs.compactMap { key, value in
                    key.scalar.map {
                        Pair(
                            key: $0.string, value: value.scalar?.string, location: at(key.mark),
                            valueLocation: at(value.mark))
                    }
                }
            }
            entries.append(entry)
        }
        return (YAMLFields(entries: entries, location: start), diagnostics)
    }

    /// The first top-level key written twice, and the line of its second occurrence.
    static func duplicateKey(in text: String) -> (key: String, line: Int)? {
        var seen = Set<String>()
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let first = line.first, !first.isWhitespace, first != "#", first != "-",
                let colon = line.firstIndex(of: ":")
            else { continue }
            let key = String(line[..<colon]).trimmingSpaces
            if !seen.insert(key).inserted { return (key, i + 1) }
        }
        return nil
    }

    static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return (problem, mark)
        case .reader(let problem, _, _, _):
            return (problem, nil)
        default:
            return ("\(error)", nil)
        }
    }

    /// Every key, in the order written.
    public var keys: [String] { entries.map(\.key) }

    /// Every key with where it is written, in the order written.
    public var keyLocations: [(key: String, location: SourceLocation)] { entries.map { ($0.key, $0.location) } }

    /// Where the value of `key` starts, or the mapping's start.
    public func valueLocation(of key: String) -> SourceLocation {
        entries.first { $0.key == key }?.valueLocation ?? location
    }

    /// Where the item of the list `key` at `index` starts; the key's own place for a single value.
    public func location(of key: String, item index: Int) -> SourceLocation {
        guard let entry = entries.first(where: { $0.key == key }) else { return location }
        return index < entry.itemLocations.count ? entry.itemLocations[index] : entry.valueLocation
    }

    /// Where `key` is written, or the mapping's start.
    public func location(of key: String) -> SourceLocation {
        entries.first { $0.key == key }?.location ?? location
    }

    private func entry(_ key: String) -> Entry? {
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        if case .scalar(_, true) = entry.node { return nil }
        return entry
    }

    /// A text value; numbers and booleans are taken as the text written.
    public func string(_ key: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let entry = entry(key) else { return nil }
        guard let text = entry.node.text else {
            diagnostics.append(.error("\"\(key)\" must be a single text value", at: entry.location, code: .valueKind))
            return nil
        }
        return text
    }

    /// A whole number.
    public func int(_ key: String, into diagnostics: inout [Diagnostic]) -> Int? {
        guard let entry = entry(key) else { return nil }
        let text = entry.node.text?.replacingOccurrences(of: "_", with: "") ?? ""
        guard let value = Int(text) else {
            diagnostics.append(
                .error(
                    "\"\(key)\" must be a whole number, found \"\(entry.node.text ?? "a list")\"", at: entry.location,
                    code: .valueKind))
            return nil
        }
        return value
    }

    /// `true` or `false` (also `yes`/`no`).
    public func bool(_ key: String, into diagnostics: inout [Diagnostic]) -> Bool? {
        guard let entry = entry(key) else { return nil }
        switch entry.node.text?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.append(
                .error(
                    "\"\(key)\" must be true or false, found \"\(entry.node.text ?? "a list")\"", at: entry.location,
                    code: .valueKind)
            )
            return nil
        }
    }

    /// A list of texts; a single text is taken as a list of one.
    public func strings(_ key: String, into diagnostics: inout [Diagnostic]) -> [String]? {
        guard let entry = entry(key) else { return nil }
        if let text = entry.node.text { return [text] }
        guard case .list(let sequence) = entry.node else {
            diagnostics.append(.error("\"\(key)\" must be a list, e.g. [a, b]", at: entry.location, code: .valueKind))
            return nil
        }
        var out: [String] = []
        for item in sequence {
            guard let text = item else {
                diagnostics.append(
                    .error("every item of \"\(key)\" must be a single text value", at: entry.location, code: .valueKind)
                )
                continue
            }
            out.append(text)
        }
        return out
    }

    /// The `key: value` lines of a mapping value, in the order written; nil when `key` is absent,
    /// with an error when its value is not a mapping.
    public func mapping(_ key: String, into diagnostics: inout [Diagnostic]) -> [Pair]? {
        guard let entry = entry(key) else { return nil }
        guard case .mapping = entry.node else {
            diagnostics.append(
                .error("\"\(key)\" must be a list of \"name: value\" lines", at: entry.location, code: .valueKind))
            return nil
        }
        return entry.pairs
    }

    /// Every other key whose value is a single scalar, as text: what templates get as `params`.
    public func scalars(excluding known: Set<String>) -> [String: String] {
        var out: [String: String] = [:]
        for entry in entries where !known.contains(entry.key) {
            if let text = entry.node.text { out[entry.key] = text }
        }
        return out
    }
}
