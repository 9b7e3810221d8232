import CityscoreBuiltIn
import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading

/// Checks what a site publishes in its other languages: the language codes of `languages:`, each
/// language's strings file against English (a key English does not have is an error with a "did you
/// mean"; missing and unused keys are counted in one warning per language), the framework
/// translations (every code must be the framework's) and the translated narratives (each must
/// translate a file that exists).
struct TranslationValidator {
    var documents: DocumentValidator

    /// The framework columns a translation may give besides `code`.
    static let columns = [
        "name", "description", "datapoints", "dimension", "subdimension", "category", "level", "kind", "sdg",
        "target_source", "evidence", "direction_basis",
    ]

    func validate(
        _ sources: LanguageSources, site: Site, config: YAMLFields, theme: ThemeSource,
        diagnostics: inout [Diagnostic]
    ) -> [String: SiteTranslation] {
        if config.keys.contains("languages") {
            for (index, language) in sources.languages.enumerated() {
                if let (message, fix) = Keys.languageProblem(language) {
                    diagnostics.append(
                        .error(
                            message, at: config.location(of: "languages", item: index), suggestion: fix,
                            code: .invalidLanguage))
                }
            }
            if config.keys.contains("language"), let given = config.string("language", into: &diagnostics),
                given != sources.languages.first
            {
                diagnostics.append(
                    .warning(
                        "language: \(given) is not the first of languages:, which is the site's default language",
                        at: config.valueLocation(of: "language"),
                        suggestion: "remove language: (languages: says it all)", code: .languageNotFirst))
            }
        }
        diagnostics += stringsProblems(sources, theme: theme)
        var out: [String: SiteTranslation] = [:]
        for language in sources.languages.dropFirst() {
            let framework = sources.framework[language].map {
                frameworkTranslation($0, language, site.framework, &diagnostics)
            }
            if framework == nil {
                diagnostics.append(
                    .warning(
                        "the framework has no translation into \"\(language)\": indicator names stay in the default language on the /\(language)/ pages",
                        at: config.valueLocation(of: "languages"),
                        suggestion:
                            "add Content/framework/kpis.\(language).csv (code, name, description, datapoints, dimension, subdimension, category)",
                        code: .untranslated))
            }
            var translated: [String: Document] = [:]
            let known = Set(
                site.cities.map(\.document.path) + site.pages.map(\.path)
                    + site.cities.flatMap { $0.dimensionNarratives.values.map(\.path) })
            for (original, file) in sources.documents[language, default: [:]].sorted(by: { $0.key < $1.key }) {
                guard known.contains(original) else {
                    diagnostics.append(
                        .warning(
                            "\(file.path) translates \(original), which does not exist (or is a draft)",
                            at: SourceLocation(path: file.path, line: 1, column: 1),
                            suggestion: Suggestions.didYouMean(original, in: known.sorted()).map {
                                "rename it after \($0)"
                            }, code: .orphanTranslation))
                    continue
                }
                let isCity = site.cities.contains { $0.document.path == original }
                var document = documents.document(
                    file, known: isCity ? DocumentValidator.cityKeys : DocumentValidator.pageKeys,
                    diagnostics: &diagnostics)
                if document.draft { continue }
                document.translationPath = file.path
                document.path = original
                if let page = site.pages.first(where: { $0.path == original }) { document.slug = page.slug }
                translated[original] = document
            }
            out[language] = SiteTranslation(language: language, framework: framework, documents: translated)
        }
        return out
    }

    /// Keys of each language's strings file against English: an unknown key is an error; missing
    /// keys and keys nothing uses are one warning each per language, with their count.
    func stringsProblems(_ sources: LanguageSources, theme: ThemeSource) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let english = Set(sources.strings["en"]?.keys ?? Self.englishKeys.keys)
        let used = Self.usedKeys(theme).union(Self.englishKeys.keys)
        for language in sources.languages {
            guard let (path, keys) = sources.ownStrings[language] else {
                // A one-language site in a language without strings is plain English, as it always was.
                if language != "en", sources.languages.count > 1 {
                    problems.append(
                        .warning(
                            "the theme has no strings/\(language).yml: every interface word on the \(language) pages stays English",
                            at: SourceLocation(path: "Themes/default/strings/\(language).yml", line: 0, column: 0),
                            suggestion: "copy strings/en.yml to strings/\(language).yml and translate it",
                            code: .untranslated))
                }
                continue
            }
            for key in keys.keys.sorted() where !english.contains(key) {
                problems.append(
                    .error(
                        "the key \"\(key)\" of strings/\(language).yml does not exist in strings/en.yml, so nothing shows it",
                        at: keys[key] ?? SourceLocation(path: path),
                        suggestion: Suggestions.didYouMean(key, in: english.sorted()), code: .unknownStringKey))
            }
            if language != "en" {
                let missing = english.subtracting(keys.keys).sorted()
                if !missing.isEmpty {
                    problems.append(
                        .warning(
                            "strings/\(language).yml lacks \(missing.count) key\(missing.count == 1 ? "" : "s") of strings/en.yml, shown in English: \(missing.prefix(10).joined(separator: ", "))\(missing.count > 10 ? ", …" : "")",
                            at: SourceLocation(path: path, line: 0, column: 0),
                            suggestion: "translate them in \(path)", code: .untranslated))
                }
            }
            let unused = Set(keys.keys).intersection(english).subtracting(used).sorted()
            if !unused.isEmpty {
                problems.append(
                    .warning(
                        "\(unused.count) key\(unused.count == 1 ? "" : "s") of strings/\(language).yml \(unused.count == 1 ? "is" : "are") used by no template and not by cityscore: \(unused.prefix(10).joined(separator: ", "))\(unused.count > 10 ? ", …" : "")",
                        at: SourceLocation(path: path, line: 0, column: 0),
                        suggestion: "remove them, or use them in a template as {{t.KEY}}", code: .unusedStringKey))
            }
        }
        return problems
    }

    /// The keys of the built-in English strings: the words cityscore itself shows.
    static let englishKeys: [String: String] = {
        guard let file = BuiltInResources.defaultTheme.first(where: { $0.path == "strings/en.yml" }) else { return [:] }
        return YAMLFields.parse(file.contents, path: "strings/en.yml").0.scalars(excluding: [])
    }()

    /// The keys the theme's templates show as `{{t.KEY}}`.
    static func usedKeys(_ theme: ThemeSource) -> Set<String> {
        var keys = Set<String>()
        for (path, file) in theme.files where path.hasPrefix("templates/") {
            var rest = file.contents[...]
            while let range = rest.range(of: "t.") {
                let before = range.lowerBound == rest.startIndex ? nil : rest[rest.index(before: range.lowerBound)]
                var end = range.upperBound
                while end < rest.endIndex,
                    rest[end].isLetter || rest[end].isNumber || rest[end] == "_" || rest[end] == "-"
                {
                    end = rest.index(after: end)
                }
                if before == nil || before == "{" || before == " " || before == "#" || before == "^" || before == "/" {
                    keys.insert(String(rest[range.upperBound..<end]))
                }
                rest = rest[end...]
            }
        }
        return keys
    }

    /// A framework translation table: `code` and the columns of ``columns``; an unknown code is an
    /// error with a "did you mean", a KPI without a row a warning (its words stay the default's).
    func frameworkTranslation(
        _ file: CSVFile, _ language: String, _ framework: Framework, _ diagnostics: inout [Diagnostic]
    ) -> FrameworkTranslation {
        let header = file.table.header.map(\.text)
        guard let codeColumn = header.firstIndex(of: "code") else {
            diagnostics.append(
                .error(
                    "the framework translation needs a column \"code\" (the KPI code, as in the framework)",
                    at: SourceLocation(path: file.path, line: 1, column: 1), code: .missingColumn))
            return FrameworkTranslation(language: language, entries: [:])
        }
        for (index, name) in header.enumerated() where name != "code" && !Self.columns.contains(name) {
            diagnostics.append(
                .error(
                    "unknown column \"\(name)\" in a framework translation (its columns: code, \(Self.columns.joined(separator: ", ")))",
                    at: file.table.header[index].location(in: file.path),
                    suggestion: Suggestions.didYouMean(name, in: Self.columns), code: .unknownColumn))
        }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        var entries: [String: FrameworkTranslation.Entry] = [:]
        for record in file.table.records {
            func text(_ name: String) -> String {
                guard let i = column(name), i < record.fields.count else { return "" }
                return record.fields[i].text
            }
            guard codeColumn < record.fields.count else { continue }
            let code = record.fields[codeColumn]
            guard let kpi = framework.kpi(code.text) else {
                diagnostics.append(
                    .error(
                        "unknown KPI \"\(code.text)\" in column \"code\"",
                        at: code.location(in: file.path),
                        suggestion: Suggestions.didYouMean(code.text, in: framework.codes), code: .unknownKPI))
                continue
            }
            let datapoints =
                text("datapoints").isEmpty
                ? [] : text("datapoints").split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            if !datapoints.isEmpty && datapoints.count != kpi.datapoints.count {
                diagnostics.append(
                    .warning(
                        "\(datapoints.count) data point names for \(kpi.code), which has \(kpi.datapoints.count) (\(kpi.datapoints.joined(separator: ";"))): they are not used",
                        at: record.fields[column("datapoints") ?? codeColumn].location(in: file.path),
                        suggestion: "give one name per data point, in the framework's order, separated by semicolons",
                        code: .datapointNames))
            }
            entries[kpi.code] = FrameworkTranslation.Entry(
                name: text("name"), description: text("description"), datapoints: datapoints,
                dimension: text("dimension"), subdimension: text("subdimension"), category: text("category"),
                level: text("level"), kind: text("kind"), sdg: text("sdg"), targetSource: text("target_source"),
                evidence: text("evidence"), directionBasis: text("direction_basis"))
        }
        let untranslated = framework.codes.filter { entries[$0] == nil }
        if !untranslated.isEmpty {
            diagnostics.append(
                .warning(
                    "\(untranslated.count) KPI\(untranslated.count == 1 ? "" : "s") without a row in the \(language) translation keep their default names: \(untranslated.prefix(5).joined(separator: ", "))\(untranslated.count > 5 ? ", …" : "")",
                    at: SourceLocation(path: file.path, line: 0, column: 0), code: .untranslated))
        }
        return FrameworkTranslation(language: language, entries: entries)
    }
}
