import CityscoreFormatting
import Testing

@testable import CityscoreCharts

/// The faster ways of drawing (issue 20) give the bytes the plain ways gave.
@Suite struct ChartSpeedTests {
    /// The report's wheel, drawn inline only with another table, is the page's wheel's inline SVG.
    @Test func theInlineWheelIsTheRenderedWheelsSVG() {
        let format = NumberFormat.forLanguage("nb")
        let words = ChartWords.english
        for dimensions in [ChartsFixtures.tree, [ChartsFixtures.tree[0]], []] {
            let wheel = BenchmarkWheel(city: "Karmøy", dimensions: dimensions)
            let summary = DataTable(caption: "summary", columns: ["a"], rows: [["1"]], numericColumns: [])
            let full = wheel.render(id: "report-wheel", format: format, words: words)
            let inline = wheel.renderInline(id: "report-wheel", format: format, words: words, table: summary)
            #expect(inline.svg == full.svg)
            #expect(inline.id == full.id && inline.title == full.title && inline.description == full.description)
            #expect(inline.table == summary)
            #expect(inline.standalone.isEmpty && !full.standalone.isEmpty)
        }
    }

    /// Lines are wrapped by adding each word's advance widths to the line's; the lines are the ones
    /// measuring every candidate line whole gives, for words of every width.
    @Test(arguments: [9.0, 10.0, 11.0, 15.0])
    func wrappingAddsWidthsExactly(size: Double) {
        let words = ["Air", "quality", "Ørsta", "WWW", "i", "naïve", "—", "Kraków-Płaszów", "日本", "ffi", "a.b.c"]
        var seed: UInt64 = 20
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % n
        }
        for _ in 0..<400 {
            let text = (0..<(1 + next(7))).map { _ in words[next(words.count)] }.joined(separator: " ")
            let width = Double(20 + next(160))
            let bold = next(2) == 0
            let maxLines = 1 + next(3)
            #expect(
                TextMetrics.wrap(text, width: width, size: size, bold: bold, maxLines: maxLines)
                    == Self.wrapMeasuringWhole(text, width: width, size: size, bold: bold, maxLines: maxLines))
        }
    }

    /// Text is shortened by summing each prefix's advance widths once; the result is the one
    /// measuring every shortened candidate whole gives.
    @Test(arguments: [false, true])
    func fittingSumsPrefixesExactly(bold: Bool) {
        let texts = [
            "Air quality, PM2.5 (annual mean)", "Øvre Eiker — Vestfold", "naïve café, ok.", "日本の都市", "WWW...   x",
            "e\u{301}e\u{301}e\u{301} accents", "a", "",
        ]
        for text in texts {
            for tenth in 0...300 {
                let width = Double(tenth) / 2
                #expect(
                    TextMetrics.fit(text, width: width, size: 11, bold: bold)
                        == Self.fitMeasuringWhole(text, width: width, size: 11, bold: bold))
            }
        }
    }

    /// The wheel's path data, written as bytes, reads as the numbers ``SVGNumber`` formats.
    @Test func sectorPathsAreTheFormattedNumbers() {
        let geometry = WheelGeometry(cx: 320, cy: 320)
        let path = geometry.sector(inner: 80, outer: 300, from: 0, to: 90)
        #expect(path == "M320 20 A300 300 0 0 1 620 320 L400 320 A80 80 0 0 0 320 240 Z")
        let ring = geometry.sector(inner: 80, outer: 300, from: 0, to: 360)
        #expect(ring.hasPrefix("M320 20 A300 300 0 1 1 320 620 A300 300 0 1 1 320 20 Z M320 240 "))
        let arc = geometry.textArc(radius: 100, middle: 45, halfSpan: 10.5).text
        #expect(arc.hasPrefix("M") && arc.contains(" A100 100 0 0 1 ") && !arc.contains("-0 "))
    }

    /// ``TextMetrics/fit(_:width:size:bold:)`` as it was: each candidate made and measured whole.
    static func fitMeasuringWhole(_ text: String, width maxWidth: Double, size: Double, bold: Bool) -> String {
        if TextMetrics.width(text, size: size, bold: bold) <= maxWidth { return text }
        var characters = Array(text)
        while !characters.isEmpty {
            characters.removeLast()
            while let last = characters.last, last.isWhitespace || last.isPunctuation { characters.removeLast() }
            let candidate = String(characters) + TextMetrics.ellipsis
            if !characters.isEmpty && TextMetrics.width(candidate, size: size, bold: bold) <= maxWidth {
                return candidate
            }
        }
        return ""
    }

    /// ``TextMetrics/wrap(_:width:size:bold:maxLines:)`` as it was: each candidate line measured whole.
    static func wrapMeasuringWhole(_ text: String, width maxWidth: Double, size: Double, bold: Bool, maxLines: Int)
        -> [String]
    {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ").map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if current.isEmpty || TextMetrics.width(candidate, size: size, bold: bold) <= maxWidth {
                current = candidate
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        let limit = max(1, maxLines)
        if lines.count > limit {
            lines = Array(lines.prefix(limit - 1)) + [lines.dropFirst(limit - 1).joined(separator: " ")]
        }
        return lines.map { fitMeasuringWhole($0, width: maxWidth, size: size, bold: bold) }.filter { !$0.isEmpty }
    }
}
