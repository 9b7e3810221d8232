import CityscoreTemplating

/// A Swift value a template can receive. What a template sees of it (text, flag, list, object)
/// follows from its Swift type, so a variable's kind is never written by hand.
protocol TemplateConvertible: Sendable {
    /// What a template sees of values of this type, for the reference and the template check.
    static var templateKind: ContextVariable.Kind { get }
    /// The value as a template reads it.
    var templateValue: TemplateValue { get }
}

extension String: TemplateConvertible {
    static var templateKind: ContextVariable.Kind { .text }
    var templateValue: TemplateValue { .string(self) }
}

extension Bool: TemplateConvertible {
    static var templateKind: ContextVariable.Kind { .flag }
    var templateValue: TemplateValue { .bool(self) }
}

extension Array: TemplateConvertible where Element: TemplateConvertible {
    static var templateKind: ContextVariable.Kind { .list(of: Element.templateKind) }
    var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

/// Text that is HTML already: a template writes it with `{{{name}}}`.
struct HTML: TemplateConvertible, Sendable {
    var html: String
    init(_ html: String) { self.html = html }
    static var templateKind: ContextVariable.Kind { .html }
    var templateValue: TemplateValue { .string(html) }
}

/// Free parameters: an object with whatever names the site's files give (`params`, `t`).
struct Parameters: TemplateConvertible, Sendable {
    var values: [String: String]
    init(_ values: [String: String]) { self.values = values }
    static var templateKind: ContextVariable.Kind { .parameters }
    var templateValue: TemplateValue { TemplateValue(values) }
}

/// A value that is a template object: named fields, each of a convertible type.
protocol TemplateObject: TemplateConvertible {
    /// The variables of this object, as the reference documents them.
    static var variables: [ContextVariable] { get }
    /// Writes this object's fields into `fields` (a field already there is replaced).
    func write(into fields: inout Fields)
    /// How many fields it writes at most (a dictionary's starting capacity).
    static var width: Int { get }
}

extension TemplateObject {
    static var templateKind: ContextVariable.Kind { .object(variables) }

    /// The fields of this object.
    var fields: Fields {
        var out = Fields(minimumCapacity: Self.width)
        write(into: &out)
        return out
    }

    var templateValue: TemplateValue { .object(fields) }
}

/// A template object whose fields are declared once, as a list of `(name, key path, meaning)`:
/// both its template value (reading the key paths) and its documented variables (kinds from the
/// fields' Swift types) come from that list. A key path literal is taken as a function (`\.name` as
/// `{ $0.name }`, SE-0249), so no key path object is made or projected at run time.
protocol TemplateRecord: TemplateObject {
    /// The fields, in the reference's order.
    static var templateFields: [TemplateField<Self>] { get }
}

extension TemplateRecord {
    static var variables: [ContextVariable] { templateFields.flatMap(\.variables) }
    static var width: Int { templateFields.reduce(0) { $0 + $1.width } }

    func write(into fields: inout Fields) {
        for field in Self.templateFields { field.write(self, &fields) }
    }
}

/// One field of a `TemplateRecord`: its name, meaning and kind (from the Swift type of the value the
/// key path reads), and how it is written into the object.
struct TemplateField<Root>: Sendable {
    /// The variables it adds: one, or every field of an object shown inline.
    var variables: [ContextVariable]
    var width: Int
    var write: @Sendable (Root, inout Fields) -> Void

    /// A field always there.
    static func field<Value: TemplateConvertible>(
        _ name: String, _ read: @escaping @Sendable (Root) -> Value, _ meaning: String
    ) -> Self {
        Self(variables: [ContextVariable(name, Value.templateKind, meaning)], width: 1) { root, out in
            out[name] = read(root).templateValue
        }
    }

    /// A field some objects leave out (nil): the template shows a part only when it is there.
    static func field<Value: TemplateConvertible>(
        _ name: String, _ read: @escaping @Sendable (Root) -> Value?, _ meaning: String
    ) -> Self {
        Self(variables: [ContextVariable(name, Value.templateKind, meaning, optional: true)], width: 1) { root, out in
            if let value = read(root) { out[name] = value.templateValue }
        }
    }

    /// The fields of another object, shown as this one's own (a score's band fields, a row's
    /// item fields); `hiding` names fields a later field of this object replaces.
    static func inline<Part: TemplateObject>(_ read: @escaping @Sendable (Root) -> Part, hiding: Set<String> = [])
        -> Self
    {
        Self(variables: Part.variables.filter { !hiding.contains($0.name) }, width: Part.width) { root, out in
            read(root).write(into: &out)
        }
    }
}

/// An object made once and shared by several pages (a city's card), or made for one (a KPI row): its fields, with
/// the variables of the type that made them.
struct Made<Part: TemplateObject>: TemplateObject, Sendable {
    var made: Fields
    init(_ part: Part) { made = part.fields }
    init(fields: Fields) { made = fields }
    static var variables: [ContextVariable] { Part.variables }
    static var width: Int { Part.width }
    func write(into fields: inout Fields) {
        if fields.isEmpty {
            fields = made
        } else {
            fields.merge(made) { _, new in new }
        }
    }
    var fields: Fields { made }
    var templateValue: TemplateValue { .object(made) }
}

/// A list of objects made once and shared by several pages (every city's card).
struct MadeList<Part: TemplateObject>: TemplateConvertible, Sendable {
    var values: [TemplateValue]
    static var templateKind: ContextVariable.Kind { .list(of: Part.templateKind) }
    var templateValue: TemplateValue { .list(values) }
}
