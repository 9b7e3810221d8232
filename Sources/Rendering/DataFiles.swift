import Foundation
import Model
import Scoring

/// The downloads: `data/results.csv`, `data/framework.csv` and `data/cities/<slug>.json`.
struct DataFiles: Sendable {
    var site: Site

    /// A percentage rounded to one decimal for the JSON (`71.4`).
    static func rounded(_ value: Double?) -> Double? {
        value.map { ($0 * 10).rounded(.toNearestOrAwayFromZero) / 10 }
    }

    /// `data/cities/<slug>.json` exactly as SPEC section 5 shows, with a few added keys.
    func cityJSON(_ card: Scorecard) -> String {
        func group(_ score: GroupScore) -> [(String, JSON)] {
            [
                ("percent", .optional(Self.rounded(score.percent))), ("band", .optional(score.band?.rawValue)),
                ("scored", .int(score.scored)), ("reported", .int(score.reported)),
            ]
        }
        func item(_ item: ItemScore) -> JSON {
            let value: JSON
            switch item.latest?.value {
            case .number(let n): value = .number(n)
            case .yesNo(let b): value = .bool(b)
            case .notReported, nil: value = .null
            }
            let scored = item.points != nil
            var pairs: [(String, JSON)] = [
                ("code", .string(item.kpi.code)), ("datapoint", .optional(item.datapoint)),
                ("year", .optional(item.latest?.year)), ("value", value),
                ("target", scored && item.kpi.direction != .yesNo ? .optional(item.target) : .null),
                ("achievement", scored ? .optional(Self.rounded(item.achievement)) : .null),
                ("points", .optional(item.points)),
            ]
            pairs += [
                ("name", .string(item.kpi.name)), ("status", .string(item.status.rawValue)),
                ("unit", .string(item.latest?.unit ?? item.kpi.unit)),
                ("target_origin", targetOrigin(item.targetOrigin)),
                ("trend", .optional(item.trend?.rawValue)),
                ("source", .optional(item.latest.flatMap { $0.source.isEmpty ? nil : $0.source })),
                ("quality", .optional(item.latest?.quality?.rawValue)),
                ("verified", item.latest?.verified.map { .bool($0) } ?? .null),
                (
                    "history",
                    .array(
                        item.history.map { row in
                            let v: JSON
                            switch row.value {
                            case .number(let n): v = .number(n)
                            case .yesNo(let b): v = .bool(b)
                            case .notReported: v = .null
                            }
                            return .object([("year", .int(row.year)), ("value", v)])
                        })
                ),
            ]
            return .object(pairs)
        }
        let dimensions: [JSON] = card.dimensions.map { dim in
            .object(
                [("slug", .string(dim.slug)), ("name", .string(dim.name))] + group(dim.score)
                    + [
                        (
                            "subdimensions",
                            .array(
                                dim.subdimensions.map { sub in
                                    .object(
                                        [("name", .string(sub.name))] + group(sub.score).prefix(2)
                                            + [
                                                (
                                                    "categories",
                                                    .array(
                                                        sub.categories.map { cat in
                                                            .object(
                                                                [("name", .string(cat.name))]
                                                                    + group(cat.score).prefix(2)
                                                                    + [("indicators", .array(cat.items.map(item)))])
                                                        })
                                                )
                                            ])
                                })
                        )
                    ])
        }
        let json = JSON.object([
            ("city", .string(card.city.slug)), ("name", .string(card.city.name)),
            ("overall", .object(group(card.overall))),
            ("dimensions", .array(dimensions)),
            ("country", .optional(card.city.country)), ("region", .optional(card.city.region)),
            ("population", .optional(card.city.population)),
            ("framework", .string(site.framework.origin)),
        ])
        return json.serialized()
    }

    func targetOrigin(_ origin: TargetOrigin?) -> JSON {
        switch origin {
        case .local(let note): .object([("kind", .string("local")), ("note", .string(note))])
        case .benchmark(let source): .object([("kind", .string("benchmark")), ("source", .string(source))])
        case nil: .null
        }
    }

    /// Every published value, in the results format (so it can be read back), sorted.
    func resultsCSV() -> String {
        let extras = Set(site.observations.flatMap { $0.extra.keys }).sorted()
        var out = CSVText.row(
            ["city", "kpi", "datapoint", "year", "value", "unit", "source", "note", "quality", "verified"] + extras)
        for o in site.observations {
            let value: String
            switch o.value {
            case .number(let n): value = CSVText.number(n)
            case .yesNo(let b): value = b ? "yes" : "no"
            case .notReported: value = "NR"
            }
            out += CSVText.row(
                [
                    o.city, o.kpi, o.datapoint ?? "", String(o.year), value, o.unit, o.source, o.note,
                    o.quality?.rawValue ?? "", o.verified.map { $0 ? "yes" : "no" } ?? "",
                ] + extras.map { o.extra[$0] ?? "" })
        }
        return out
    }

    /// The framework as CSV, in the format a site can use as `Content/framework/kpis.csv`.
    func frameworkCSV() -> String {
        var out = CSVText.row([
            "code", "dimension", "subdimension", "category", "name", "datapoints", "level", "kind", "unit", "direction",
            "direction_basis", "target", "target_source", "sdg", "description", "evidence",
        ])
        for k in site.framework.kpis {
            out += CSVText.row([
                k.code, k.dimension, k.subdimension, k.category, k.name, k.datapoints.joined(separator: ";"), k.level,
                k.kind, k.unit, k.direction.rawValue, k.directionBasis, k.target.map(CSVText.number) ?? "",
                k.targetSource, k.sdg, k.description, k.evidence,
            ])
        }
        return out
    }
}

/// RFC 4180 output: quotes where needed, CRLF-free (LF) lines.
enum CSVText {
    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number as plain decimal text (`97`, `0.001`).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
