import CityscoreModel
import Foundation

/// `cityscore diff` output: a readable summary, a draft `Content/changes/<date>.md` entry, or JSON.
public enum DiffReport {
    /// The band's name as docs/scoring.md gives it, or "not scored" (the command's own output,
    /// in English like its diagnostics; the site's words are in the theme's strings files).
    static func bandName(_ band: Int?) -> String {
        switch band.flatMap(Band.init(rawValue:)) {
        case .one: "less than 33 % of target"
        case .two: "33–66 % of target"
        case .three: "66–95 % of target"
        case .four: "95 %+ of target"
        case nil: "not scored"
        }
    }

    static func label(_ v: SiteDiff.Value) -> String {
        "\(v.name) (\(v.kpi)\(v.datapoint.map { ", " + $0 } ?? "")), \(v.year)"
    }

    static func plural(_ count: Int, _ one: String, _ many: String) -> String {
        "\(count) \(count == 1 ? one : many)"
    }

    /// "1 value corrected, 2 added, 1 band moved".
    public static func headline(_ diff: SiteDiff) -> String {
        guard !diff.isEmpty else { return "no changes" }
        var parts: [String] = []
        if !diff.corrected.isEmpty { parts.append(plural(diff.corrected.count, "value", "values") + " corrected") }
        if !diff.added.isEmpty { parts.append(plural(diff.added.count, "value", "values") + " added") }
        if !diff.removed.isEmpty { parts.append(plural(diff.removed.count, "value", "values") + " removed") }
        if !diff.bands.isEmpty { parts.append(plural(diff.bands.count, "band", "bands") + " moved") }
        return parts.joined(separator: ", ")
    }

    /// Lines per city: what changed and every band that moved.
    static func lines(_ diff: SiteDiff, city: String) -> [String] {
        var lines: [String] = []
        for v in diff.corrected where v.city == city {
            lines.append("corrected: \(label(v)): \(v.old ?? "") → \(v.new ?? "")")
        }
        for v in diff.added where v.city == city { lines.append("added: \(label(v)): \(v.new ?? "")") }
        for v in diff.removed where v.city == city { lines.append("removed: \(label(v)): \(v.old ?? "")") }
        for b in diff.bands where b.city == city {
            let level = b.level == "kpi" ? "KPI" : b.level
            lines.append(
                "band moved (\(level)): \(b.name): \(bandName(b.old)) → \(bandName(b.new))")
        }
        return lines
    }

    static func cityName(_ diff: SiteDiff, _ slug: String) -> String {
        (diff.added + diff.corrected + diff.removed).first { $0.city == slug }?.cityName
            ?? diff.bands.first { $0.city == slug }?.cityName ?? slug
    }

    /// The readable summary.
    public static func text(_ diff: SiteDiff, old: String, new: String) -> String {
        var out = "\(old) → \(new): \(headline(diff))\n"
        for city in diff.cities {
            out += "\n\(cityName(diff, city)) (\(city))\n"
            for line in lines(diff, city: city) { out += "  \(line)\n" }
        }
        return out
    }

    /// A draft changes entry for `Content/changes/<date>.md`.
    public static func markdown(_ diff: SiteDiff, date: String) -> String {
        var out = "---\ndate: \(date)\ntitle: \(headline(diff))\n"
        if !diff.cities.isEmpty {
            out += "cities:\n" + diff.cities.map { "  - \($0)\n" }.joined()
        }
        out += "---\n"
        for city in diff.cities {
            out += "\n## \(cityName(diff, city))\n\n"
            for line in lines(diff, city: city) { out += "- " + escape(line) + "\n" }
        }
        return out
    }

    /// Text safe in a Markdown list item: Markdown's punctuation escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>#|{}".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// JSON for tools: `changed`, `added`, `corrected`, `removed`, `bands`.
    public static func json(_ diff: SiteDiff) -> String {
        struct Document: Encodable {
            var changed: Bool
            var summary: String
            var added, corrected, removed: [SiteDiff.Value]
            var bands: [SiteDiff.BandMove]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(
            changed: !diff.isEmpty, summary: headline(diff), added: diff.added, corrected: diff.corrected,
            removed: diff.removed, bands: diff.bands)
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
