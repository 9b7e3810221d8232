import CityscoreModel
import CityscoreReading
import Foundation
import Testing

@testable import CityscoreRendering

/// The download writers against the plain character-by-character rules they replace.
@Suite("Data files")
struct DataFilesTests {
    /// Texts with everything that needs escaping or quoting, alone and mixed with other text.
    static let awkward = [
        "", "plain", "a,b", "say \"hi\"", "\"", "line\nbreak", "cr\rhere", "crlf\r\nhere", "\r\n", "tab\there",
        "bell\u{07}", "nul\u{00}x", "del\u{7F}", "back\\slash", "ellipsis…", "sep\u{2028}ara\u{2029}tor", "\u{2027}",
        "Karmøy, Rogaland", "\"\u{301}quote with accent", ",\u{301}", "emoji 🇳🇴, flag", "\u{1F}\u{20}",
        "\u{E2}\u{80}", "ends with \u{2028}",
    ]

    /// JSON string escaping as it was written before: scalar by scalar.
    static func referenceQuote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// RFC 4180 quoting by bytes: any comma, quote, CR or LF byte puts the field in quotes (a quote
    /// followed by a combining mark too, which a `Character` comparison would miss).
    static func referenceField(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var quoted: [UInt8] = [0x22]
        for byte in text.utf8 { quoted += byte == 0x22 ? [0x22, 0x22] : [byte] }
        return String(decoding: quoted + [0x22], as: UTF8.self)
    }

    @Test(arguments: awkward)
    func jsonQuotingMatchesTheScalarRules(_ text: String) {
        #expect(JSON.quote(text) == Self.referenceQuote(text))
        #expect(JSON.quote(text + text) == Self.referenceQuote(text + text))
    }

    @Test(arguments: awkward)
    func csvFieldsAreQuotedWheneverAByteNeedsIt(_ text: String) {
        #expect(CSVText.field(text) == Self.referenceField(text))
        #expect(CSVText.field("x" + text + "y") == Self.referenceField("x" + text + "y"))
    }

    @Test(arguments: awkward)
    func csvFieldsReadBackAsWritten(_ text: String) throws {
        let csv = CSVText.row(["name", "value"]) + CSVText.row([text, "x"])
        let (table, problems) = CSVReader(path: "t.csv").read(Array(csv.utf8))
        let records = try #require(table?.records, "\(problems)")
        #expect(records.count == 1)
        #expect(records.first?.fields.map(\.text) == [CSVText.spreadsheetSafe(text), "x"])
    }

    @Test func prettyPrintsNestedValues() {
        let json = JSON.object([
            ("a", .int(1)), ("b", .array([])), ("c", .object([])),
            ("d", .array([.number(0), .number(71.4), .null, .bool(true), .object([("e", .array([.string("x")]))])])),
            ("f", .number(.infinity)),
        ])
        #expect(
            json.serialized() == """
                {
                  "a": 1,
                  "b": [],
                  "c": {},
                  "d": [
                    0.0,
                    71.4,
                    null,
                    true,
                    {
                      "e": [
                        "x"
                      ]
                    }
                  ],
                  "f": null
                }

                """)
        #expect(JSON.array([]).serialized() == "[]\n")
    }

    @Test func resultsAreTheSameInOneBlockOrMany() {
        let observations = (0..<50).map { i in
            Observation(
                city: "c\(i / 10)", kpi: "K: \(i % 10)", datapoint: i % 3 == 0 ? "a" : nil, year: 2000 + i,
                value: i % 4 == 0 ? .notReported : i % 4 == 1 ? .yesNo(i % 8 == 1) : .number(Double(i) / 8),
                unit: "%", source: "Report, p. \(i)", note: i % 5 == 0 ? "say \"so\"" : "",
                quality: i % 2 == 0 ? .measured : nil, verified: i % 3 == 0 ? true : nil,
                extra: i % 7 == 0 ? ["x-b": "\(i)", "x-a": "a,\(i)"] : [:])
        }
        let site = Site(
            config: SiteConfig(title: "t"), framework: Framework(kpis: [], origin: "test"), cities: [],
            observations: observations, targets: [], pages: [])
        let whole = DataFiles(site: site).resultsCSV(rowsPerTask: .max)
        #expect(DataFiles(site: site).resultsCSV(rowsPerTask: 3) == whole)
        #expect(DataFiles(site: site).resultsCSV(rowsPerTask: 1) == whole)
        let lines = whole.split(separator: "\n")
        #expect(lines.count == 51)
        #expect(
            lines[0]
                == "city,kpi,datapoint,year,value,unit,source,note,quality,verified,benchmark,round,x-a,x-b,target,target_kind,achievement,points,band,status"
        )
        // No scorecards here: the computed columns stay empty. Without a round column, a city's rows
        // are one round, named by its latest year (2009 for c0).
        #expect(
            lines[1] == "c0,K: 0,a,2000,NR,%,\"Report, p. 0\",\"say \"\"so\"\"\",measured,yes,,2009,\"a,0\",0,,,,,,")
        #expect(lines[2] == "c0,K: 1,,2001,yes,%,\"Report, p. 1\",,,,,2009,,,,,,,,")
        #expect(lines[3] == "c0,K: 2,,2002,0.25,%,\"Report, p. 2\",,measured,,,2009,,,,,,,,")
    }

    @Test func csvRowsJoinFieldsWithCommas() {
        #expect(CSVText.row(["a", "b,c", "", "d\"e"]) == "a,\"b,c\",,\"d\"\"e\"\n")
        var csv = CSVWriter()
        csv.row(["x"])
        csv.field("1")
        csv.field("")
        csv.endRow()
        #expect(csv.text == "x\n1,\n")
    }
}
