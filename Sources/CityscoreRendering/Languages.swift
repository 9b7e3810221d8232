import CityscoreModel
import CityscoreRouting
import CityscoreScoring
import CityscoreTemplating

/// One language of a multilingual site: its code, its own name for itself and its pages' folder.
public struct LanguageLink: Sendable, Hashable {
    /// BCP 47 code (`nb`).
    public var code: String
    /// The language's name in itself (`Norsk bokmål`), from its strings' `language_self`.
    public var name: String
    /// The folder of its pages (`nb/`), empty for the default language.
    public var prefix: String

    public init(code: String, name: String, prefix: String) {
        self.code = code
        self.name = name
        self.prefix = prefix
    }
}

/// Where one rendering stands among the site's languages: every language (for the switcher,
/// `hreflang` and the sitemap), which one is being rendered, and which narratives have no
/// translation into it (shown in the default language, marked as such).
public struct LanguageLinks: Sendable {
    /// Every language, the default first; empty for a one-language site.
    public var all: [LanguageLink] = []
    /// The language being rendered.
    public var currentCode = ""
    /// Paths of the documents shown in the default language for want of a translation.
    public var fallbacks: Set<String> = []

    public init() {}

    /// Links for the languages `codes` (the default first), each named by its own strings.
    public init(codes: [String], current: String, strings: [String: [String: String]]) {
        guard codes.count > 1 else { return }
        all = codes.enumerated().map { index, code in
            LanguageLink(
                code: code, name: strings[code]?["language_self"] ?? code, prefix: index == 0 ? "" : code + "/")
        }
        currentCode = current
    }

    /// The language being rendered, for a multilingual site.
    public var current: LanguageLink? { all.first { $0.code == currentCode } }
    /// The site's default language.
    public var defaultLanguage: LanguageLink? { all.first }

    /// `urls` for `language`'s pages.
    func urls(_ urls: URLs, _ language: LanguageLink) -> URLs {
        var out = urls
        out.languagePrefix = language.prefix
        return out
    }

    /// The switcher and `hreflang` entries of the page at `path`.
    func context(path: String, urls: URLs) -> [LanguageEntry] {
        all.map { language in
            let target = self.urls(urls, language)
            return LanguageEntry(
                code: language.code, name: language.name, url: target.link(path), absolute: target.absolute(path),
                current: language.code == currentCode)
        }
    }
}

extension Site {
    /// The site as its `language` pages show it: the framework in that language's words (slugs kept),
    /// translated narratives and pages in place of the default ones, with the paths of the documents
    /// left in the default language for want of a translation.
    public func localized(_ language: String) -> (site: Site, fallbacks: Set<String>) {
        guard let translation = translations[language] else { return (self, []) }
        var site = self
        site.config.language = language
        if let framework = translation.framework { site.framework = framework.apply(to: self.framework) }
        var fallbacks = Set<String>()
        func swap(_ document: Document) -> Document {
            if let translated = translation.documents[document.path] { return translated }
            if !document.body.allSatisfy(\.isWhitespace) { fallbacks.insert(document.path) }
            return document
        }
        for i in site.cities.indices {
            // A city's facts (name, peers, population) stay those of its default file.
            site.cities[i].document.body = swap(site.cities[i].document).body
            if let translated = translation.documents[site.cities[i].document.path] {
                site.cities[i].document.translationPath = translated.translationPath
                site.cities[i].document.bodyLine = translated.bodyLine
                site.cities[i].document.title = translated.title ?? site.cities[i].document.title
                site.cities[i].document.description = translated.description ?? site.cities[i].document.description
            }
            for (slug, narrative) in site.cities[i].dimensionNarratives {
                site.cities[i].dimensionNarratives[slug] = swap(narrative)
            }
        }
        site.pages = site.pages.map { page in
            var out = swap(page)
            // The home and methodology pages have titles of the language's own (the site's title,
            // nav_methodology): an untranslated one takes those rather than the default's.
            if translation.documents[page.path] == nil, page.slug == "index" || page.slug == "methodology" {
                out.title = nil
                out.description = nil
            }
            return out
        }
        return (site, fallbacks)
    }
}
