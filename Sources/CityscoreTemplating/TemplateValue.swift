/// A value a template reads: text, a flag, a list or an object of named values.
///
/// Templates stay logic-less: the site's Swift code decides every word and number, and a template
/// only places them. `{{name}}` writes a text HTML-escaped (`{{{name}}}` as is), `{{#name}}…{{/name}}`
/// repeats over a list, shows its content for `true`, a text or an object (which it enters), and
/// `{{^name}}…{{/name}}` shows its content when the value is missing, `false` or an empty list.
public enum TemplateValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// The value of `key` when this is an object.
    public subscript(key: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var fields = [String: TemplateValue](minimumCapacity: elements.count)
        for (name, value) in elements { fields[name] = value }
        self = .object(fields)
    }
}

extension TemplateValue {
    /// An object of texts (`site.yml` params, the strings table).
    public init(_ texts: [String: String]) { self = .object(texts.mapValues(TemplateValue.string)) }

    /// A list of texts.
    public init(_ texts: [String]) { self = .list(texts.map(TemplateValue.string)) }

    /// A list of objects.
    public init(_ objects: [[String: TemplateValue]]) { self = .list(objects.map(TemplateValue.object)) }
}
