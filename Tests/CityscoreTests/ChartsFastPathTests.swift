import CityscoreModel
import CityscoreText
import Testing

@testable import CityscoreCharts

/// The fast paths of the writer give what the plain definitions give.
@Suite("Charts: fast paths") struct ChartsFastPathTests {
    @Test("numbers written as bytes match SVGNumber.format") func numberBytes() {
        var values: [Double] = [
            0, -0.0, 0.004, -0.005, 0.995, 9.99, 10, 99.5, 999.994, 999.995, 1000, 123_456.78, -7.1,
        ]
        values += [1e9, 2e9, -3e12, .nan, .infinity, -.infinity, 1e-9]
        values += (-2000...2000).map { Double($0) * 0.37 }
        for value in values {
            var bytes: [UInt8] = []
            SVGNumber.append(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == SVGNumber.format(value), "\(value)")
        }
    }

    @Test("escaping keeps other scalars that start with 0xEF and drops U+FFFE and U+FFFF") func escapingEF() {
        #expect(SVGWriter.escape("a\u{FFFE}b\u{FFFF}c") == "abc")
        #expect(SVGWriter.escape("\u{FF21}\u{FFFD}\u{FEFF}") == "\u{FF21}\u{FFFD}\u{FEFF}")
        #expect(SVGWriter.escape("x\u{FF21}&\u{EF}") == "x\u{FF21}&amp;\u{EF}")
        #expect(SVGWriter.escape("\u{FFFF}") == "")
        #expect(SVGWriter.escape("tab\there\r\n") == "tab&#9;here&#13;&#10;")
        var w = SVGWriter()
        w.element("t", text: "é<\u{FFFE}>")
        #expect(w.markup == "<t>é&lt;&gt;</t>\n")
    }

    @Test("trimming and percent units agree with their plain definitions") func units() {
        let units = [
            "", " ", "%", " % ", "percent", "Percent", "PER CENT", "percentage ", "\u{00A0}%", "t CO2e", "km",
            "p", "pp", "\tpercent\n", "Percentages", "m\u{0301}", "x ", " x", "\u{2003}percent\u{2003}",
        ]
        for unit in units {
            let plain = String(unit.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
            #expect(unit.trimmingSpaces == plain, "\(unit)")
            let percent = ["%", "percent", "per cent", "percentage"].contains(plain.lowercased())
            #expect(ValueText.isPercent(unit) == percent, "\(unit)")
        }
    }

    @Test("frame ids that are slugs already stay as Slug.make leaves them") func ids() {
        for id in ["bullet-ec-ict-1c", "trend-x-", "-a", "a--b", "Wheel", "9lives", "scores", "dots-a-b", ""] {
            let chart = BulletChart(name: "n", direction: .higher, value: .number(1), size: .compact)
            let slug = Slug.make(id)
            let expected = slug.isEmpty ? "chart" : slug.first?.isNumber == true ? "c" + slug : slug
            #expect(chart.render(id: id).id == expected, "\(id)")
            #expect(chart.inlineSVG(id: id) == chart.render(id: id).svg, "\(id)")
        }
    }
}
