import CityscoreDiagnostics
import CityscoreReading

/// Checks of the keys and values written in `site.yml` and front matter: unknown keys (warnings with
/// a "did you mean"), values from a fixed list, language tags.
enum Keys {
    /// The names the theme's templates use as `{{params.NAME}}`: such keys are the theme's, not typos.
    static func themeParams(_ theme: ThemeSource) -> Set<String> {
        var names = Set<String>()
        for (path, file) in theme.files where path.hasPrefix("templates/") {
            let bytes = Array(file.contents.utf8)
            let marker = Array("params.".utf8)
            var index = 0
            while index + marker.count <= bytes.count {
                guard bytes[index..<(index + marker.count)].elementsEqual(marker) else {
                    index += 1
                    continue
                }
                var end = index + marker.count
                while end < bytes.count, Self.isNameByte(bytes[end]) { end += 1 }
                if end > index + marker.count {
                    names.insert(String(decoding: bytes[(index + marker.count)..<end], as: UTF8.self))
                }
                index = end
            }
        }
        return names
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-")
    }

    /// A warning for every key of `fields` that cityscore does not read and the theme does not use.
    static func unknown(_ fields: YAMLFields, known: Set<String>, themeParams: Set<String>, in what: String)
        -> [Diagnostic]
    {
        fields.keyLocations.compactMap { key, location in
            guard !known.contains(key), !themeParams.contains(key) else { return nil }
            return .warning(
                "cityscore does not read the key \"\(key)\" in \(what)",
                at: location,
                suggestion: Suggestions.didYouMean(key, in: known.sorted())
                    ?? "the keys are \(known.sorted().joined(separator: ", ")); a theme may use others as {{params.\(key)}}",
                code: .unknownKey
            )
        }
    }

    /// The value of `key` when it is one of `allowed` (any case), else nil with an error naming them.
    static func oneOf(_ fields: YAMLFields, _ key: String, allowed: [String], into diagnostics: inout [Diagnostic])
        -> String?
    {
        guard let value = fields.string(key, into: &diagnostics) else { return nil }
        if allowed.contains(value.lowercased()) { return value.lowercased() }
        diagnostics.append(
            .error(
                "\"\(key)\" cannot be \"\(value)\": it is one of \(allowed.joined(separator: ", "))",
                at: fields.valueLocation(of: key),
                suggestion: Suggestions.didYouMean(value, in: allowed), code: .invalidValue))
        return nil
    }

    /// Common ways of naming a language instead of its code.
    static let languageNames: [String: String] = [
        "norsk": "nb", "norwegian": "nb", "bokmål": "nb", "bokmal": "nb", "nynorsk": "nn", "english": "en",
        "deutsch": "de", "german": "de", "français": "fr", "francais": "fr", "french": "fr", "español": "es",
        "espanol": "es", "spanish": "es", "svenska": "sv", "swedish": "sv", "dansk": "da", "danish": "da",
        "suomi": "fi", "finnish": "fi", "italiano": "it", "italian": "it", "português": "pt", "portugues": "pt",
        "portuguese": "pt", "nederlands": "nl", "dutch": "nl", "polski": "pl", "polish": "pl", "íslenska": "is",
        "icelandic": "is", "no": "nb",
    ]

    /// Why `tag` is not a BCP 47 language tag (by its form: a language of 2–3 letters, then an
    /// optional script of 4 letters, region of 2 letters or 3 digits, and variants), or nil when it is.
    static func languageProblem(_ tag: String) -> (message: String, fix: String)? {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let letters = { (text: String) in text.allSatisfy { $0.isASCII && $0.isLetter } }
        let digits = { (text: String) in text.allSatisfy { $0.isASCII && $0.isNumber } }
        var ok = !parts.isEmpty && (2...3).contains(parts[0].count) && letters(parts[0])
        var stage = 0  // 0: after the language; 1: after a script; 2: after a region; 3: variants
        for part in parts.dropFirst() where ok {
            if stage < 1, part.count == 4, letters(part) {
                stage = 1
            } else if stage < 2, (part.count == 2 && letters(part)) || (part.count == 3 && digits(part)) {
                stage = 2
            } else if (5...8).contains(part.count) && part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
                || (part.count == 4 && part.first?.isNumber == true)
            {
                stage = 3
            } else {
                ok = false
            }
        }
        if ok { return nil }
        let guess =
            languageNames[tag.lowercased()]
            ?? (tag.contains("_") && languageProblem(tag.replacingOccurrences(of: "_", with: "-")) == nil
                ? tag.replacingOccurrences(of: "_", with: "-") : nil)
        return (
            "the language \"\(tag)\" is not a language code (BCP 47, as in <html lang>)",
            guess.map { "did you mean \"\($0)\"?" } ?? "write a code such as nb, nn, en, en-GB or de"
        )
    }
}
