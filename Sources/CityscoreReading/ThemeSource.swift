import CityscoreBuiltIn
import CityscoreDiagnostics
import Foundation

/// The theme's files: the built-in default theme, overridden file by file by the site's own
/// `Themes/default/` and then by `Themes/<name>/` when the site names another theme.
public struct ThemeSource: Sendable {
    /// One theme file and where it came from.
    public struct File: Sendable {
        /// Text of the file.
        public var contents: String
        /// Where it came from, for diagnostics: a site path or `(built-in theme)/…`.
        public var origin: String
    }

    /// Files by path relative to the theme folder (`templates/city.mustache`, `static/theme/site.css`).
    public var files: [String: File]

    /// Reads the theme `name` from the site's `files`.
    static func read(
        files site: SiteFiles, name: String, at named: SourceLocation = SourceLocation(path: "Content/site.yml"),
        into diagnostics: inout [Diagnostic]
    ) -> ThemeSource {
        var files: [String: File] = [:]
        for (path, contents) in BuiltInResources.defaultTheme {
            files[path] = File(contents: contents, origin: "(built-in theme)/\(path)")
        }
        let layers = name == "default" ? ["default"] : ["default", name]
        for layer in layers {
            let folder = "Themes/\(layer)"
            guard site.kind(folder, into: &diagnostics) == .folder else {
                if layer != "default" && !site.exists(folder) {
                    diagnostics.append(
                        .error(
                            "the theme \"\(name)\" named in site.yml has no folder Themes/\(name)/",
                            at: named,
                            suggestion: "remove the line to use the built-in theme, or add the folder Themes/\(name)/",
                            code: .missingTheme))
                }
                continue
            }
            for relative in site.allFiles(under: folder, into: &diagnostics) {
                let path = folder + "/" + relative
                guard case .bytes(let bytes) = site.read(path, into: &diagnostics) else { continue }
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    diagnostics.append(
                        .error(
                            "theme files must be UTF-8 text", at: SourceLocation(path: path, line: 0, column: 0),
                            code: .notUTF8))
                    continue
                }
                files[relative] = File(contents: text, origin: path)
            }
        }
        return ThemeSource(files: files)
    }

    /// The keys `strings/<language>.yml` itself gives, with where each is, for `check`; nil without
    /// such a file.
    func ownStrings(language: String) -> (path: String, keys: [String: SourceLocation])? {
        guard let file = files["strings/\(language).yml"] else { return nil }
        let (fields, _) = YAMLFields.parse(file.contents, path: file.origin)
        var keys: [String: SourceLocation] = [:]
        for key in fields.scalars(excluding: []).keys { keys[key] = fields.location(of: key) }
        return (file.origin, keys)
    }

    /// The interface strings of `language` (`strings/<language>.yml`), falling back to English for
    /// missing keys.
    func strings(language: String, into diagnostics: inout [Diagnostic]) -> [String: String] {
        var out: [String: String] = [:]
        for lang in Set(["en", language]).sorted(by: { a, _ in a == "en" }) {
            guard let file = files["strings/\(lang).yml"] else { continue }
            let (fields, problems) = YAMLFields.parse(file.contents, path: file.origin)
            diagnostics += problems
            for (key, value) in fields.scalars(excluding: []) { out[key] = value }
        }
        return out
    }
}
