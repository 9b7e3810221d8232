import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading
import CityscoreText

/// Reads front matter of pages, narratives and cities.
struct DocumentValidator {
    static let pageKeys: Set<String> = ["title", "description", "slug", "draft", "weight", "menu"]
    static let cityKeys: Set<String> = pageKeys.union(["name", "country", "region", "population", "peers"])

    /// Names the theme's templates use as `{{params.NAME}}`: front matter keys that are no typos.
    var themeParams: Set<String> = []

    /// A page or narrative. `slug` may not leave its folder: it must be a plain slug.
    func document(_ file: MarkdownFile, known: Set<String> = pageKeys, diagnostics: inout [Diagnostic]) -> Document {
        let fields = file.frontMatter.fields
        diagnostics += Keys.unknown(fields, known: known, themeParams: themeParams, in: "the front matter")
        let menu = Keys.oneOf(fields, "menu", allowed: ["true", "main", "yes", "false", "no"], into: &diagnostics)
        var slug = Slug.make(file.name)
        if let given = fields.string("slug", into: &diagnostics) {
            if given.contains("/") || given.contains("\\") || given.contains("..") || !Slug.isValid(given) {
                diagnostics.append(
                    .error(
                        "the slug \"\(given)\" is not allowed: a slug is one folder name of lowercase letters, digits and dashes, and may not leave its folder",
                        at: fields.location(of: "slug"),
                        suggestion: Slug.make(given).isEmpty ? nil : "did you mean \"\(Slug.make(given))\"?",
                        code: .invalidSlug))
            } else {
                slug = given
            }
        } else if !Slug.isValid(file.name) {
            if slug.isEmpty { slug = "page" }
        }
        return Document(
            path: file.path, body: file.frontMatter.body, bodyLine: file.frontMatter.bodyLine,
            title: fields.string("title", into: &diagnostics),
            description: fields.string("description", into: &diagnostics), slug: slug,
            draft: fields.bool("draft", into: &diagnostics) ?? false,
            weight: fields.int("weight", into: &diagnostics) ?? 0,
            menu: ["true", "yes", "main"].contains(menu ?? ""))
    }

    /// A city from `Content/cities/<slug>.md`.
    func city(_ file: MarkdownFile, diagnostics: inout [Diagnostic]) -> City? {
        let fields = file.frontMatter.fields
        guard Slug.isValid(file.name) else {
            diagnostics.append(
                .error(
                    "the file name \"\(file.name).md\" cannot be a city slug: use lowercase letters, digits and dashes",
                    at: SourceLocation(path: file.path, line: 1, column: 1),
                    suggestion: Slug.make(file.name).isEmpty ? nil : "rename it to \(Slug.make(file.name)).md",
                    code: .invalidSlug))
            return nil
        }
        let document = document(file, known: Self.cityKeys, diagnostics: &diagnostics)
        guard let name = fields.string("name", into: &diagnostics), !name.isEmpty else {
            guard fields.isReadable else { return nil }
            diagnostics.append(
                .error(
                    "the city needs a name in its front matter, e.g. \"name: Karmøy\"", at: fields.location,
                    code: .requiredField))
            return nil
        }
        var population: Int?
        if let value = fields.int("population", into: &diagnostics) {
            if value < 0 {
                diagnostics.append(
                    .error(
                        "the population cannot be below zero", at: fields.location(of: "population"),
                        code: .invalidValue))
            } else {
                population = value
            }
        }
        var cityDocument = document
        cityDocument.slug = file.name
        return City(
            slug: file.name, name: name, country: fields.string("country", into: &diagnostics),
            region: fields.string("region", into: &diagnostics), population: population,
            peers: fields.strings("peers", into: &diagnostics) ?? [],
            params: fields.scalars(excluding: Self.cityKeys), document: cityDocument)
    }
}
