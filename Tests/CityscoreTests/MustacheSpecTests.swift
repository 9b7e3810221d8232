import Foundation
import CityscoreTemplating
import Testing

/// The official Mustache specification's required modules (comments, delimiters, interpolation,
/// inverted sections, partials, sections; `Fixtures/mustache-spec/`, commit and licence beside them),
/// run against the theme's engine. Every test must pass except the few listed in `deviations`, each
/// a deliberate choice explained there; a listed test that starts passing fails this suite too, so
/// the list cannot go stale.
@Suite("Mustache specification")
struct MustacheSpecTests {
    /// Spec tests the engine deliberately does not follow, by module and name, with the reason.
    static let deviations: [String: String] = [
        "partials/Failed Lookup":
            "a partial no template provides is an error at its tag (a theme's typo must not render as nothing)"
    ]

    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"]

    struct SpecFile: Decodable {
        var tests: [SpecTest]
    }

    struct SpecTest: Decodable {
        var name: String
        var data: JSONValue
        var template: String
        var partials: [String: String]?
        var expected: String
    }

    /// A JSON value as the spec files hold it.
    enum JSONValue: Decodable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case list([JSONValue])
        case object([String: JSONValue])

        init(from decoder: any Decoder) throws {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .null
            } else if let flag = try? single.decode(Bool.self) {
                self = .bool(flag)
            } else if let number = try? single.decode(Double.self) {
                self = .number(number)
            } else if let text = try? single.decode(String.self) {
                self = .string(text)
            } else if let list = try? single.decode([JSONValue].self) {
                self = .list(list)
            } else {
                self = .object(try single.decode([String: JSONValue].self))
            }
        }

        /// The template value: numbers as the text a JSON reader prints (`85`, `1.21`), and `null` as an
        /// absent name (the engine has no null; both render as nothing and are falsey).
        var template: TemplateValue? {
            switch self {
            case .null: nil
            case .bool(let flag): .bool(flag)
            case .number(let number):
                .string(number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number))
            case .string(let text): .string(text)
            case .list(let items): .list(items.compactMap(\.template))
            case .object(let fields): .object(fields.compactMapValues(\.template))
            }
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var id: String
        var template: String
        var partials: [String: String]
        var data: TemplateValue
        var expected: String
        var testDescription: String { id }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/mustache-spec")

    static func cases() throws -> [Case] {
        try modules.flatMap { module in
            let data = try Data(contentsOf: folder.appendingPathComponent("\(module).json"))
            return try JSONDecoder().decode(SpecFile.self, from: data).tests.map { test in
                Case(
                    id: "\(module)/\(test.name)", template: test.template, partials: test.partials ?? [:],
                    data: test.data.template ?? .object([:]), expected: test.expected)
            }
        }
    }

    /// What the engine makes of a case: its output, or its first error.
    static func run(_ test: Case) -> Result<String, TemplateError> {
        let sources = [("main", test.template)] + test.partials.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let (library, errors) = TemplateLibrary.compile(sources)
        if let error = errors.first { return .failure(error) }
        return Result { () throws(TemplateError) in try library.render("main", context: test.data) }
    }

    @Test func theRequiredModulesAreAllThere() throws {
        let all = try Self.cases()
        #expect(all.count > 130, "the spec's required modules hold about 140 tests; found \(all.count)")
        #expect(Set(all.map(\.id)).isSuperset(of: Self.deviations.keys), "a listed deviation names no spec test")
    }

    @Test(arguments: try cases())
    func specTest(_ test: Case) {
        let outcome = Self.run(test)
        if let reason = Self.deviations[test.id] {
            #expect(
                (try? outcome.get()) != test.expected,
                "\(test.id) passes now: remove it from the deviations (\(reason))")
        } else {
            switch outcome {
            case .success(let output): #expect(output == test.expected, "\(test.id)")
            case .failure(let error): Issue.record("\(test.id): \(error)")
            }
        }
    }
}
