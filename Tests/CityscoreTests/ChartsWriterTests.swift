import Foundation
import CityscoreModel
import Testing

@testable import CityscoreCharts

/// The building blocks: the SVG writer, number formatting, arithmetic, scales and text fitting.
@Suite("Charts: writer and helpers") struct ChartsWriterTests {
    @Test("text and attribute values are escaped, characters XML forbids dropped") func escaping() {
        #expect(SVGWriter.escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
        #expect(SVGWriter.escape("x\u{0}\u{8}y\nz") == "xy&#10;z")
        var w = SVGWriter()
        w.start("g", ["class": "a\"b", "data-x": Optional<String>.none, "x": 1.5, "n": 3])
        w.element("title", text: "<T&>")
        #expect(w.finished() == "<g class=\"a&quot;b\" x=\"1.5\" n=\"3\">\n<title>&lt;T&amp;&gt;</title>\n</g>\n")
    }

    @Test("attributes keep the order written") func attributeOrder() {
        var w = SVGWriter()
        w.empty("rect", ["z": 1, "a": 2, "m": 3])
        #expect(w.markup == "<rect z=\"1\" a=\"2\" m=\"3\"/>\n")
    }

    @Test(
        "numbers have at most two decimals, never -0, an exponent, NaN or inf",
        arguments: [
            (0.0, "0"), (-0.0, "0"), (-0.004, "0"), (0.005, "0.01"), (12.5, "12.5"), (0.07, "0.07"), (-3, "-3"),
            (1.10, "1.1"), (99.999, "100"), (1e-20, "0"), (1e12, "1000000000"), (-1e300, "-1000000000"), (.nan, "0"),
            (.infinity, "0"), (320.25, "320.25"),
        ]) func numbers(value: Double, expected: String)
    { #expect(SVGNumber.format(value) == expected) }

    @Test("sine and cosine match the platform's within 1e-12 and are exact at right angles") func trigonometry() {
        for step in -200...200 {
            let degrees = Double(step) * 3.7
            let (s, c) = Arithmetic.sinCos(degrees: degrees)
            #expect(abs(s - sin(degrees * .pi / 180)) < 1e-12 && abs(c - cos(degrees * .pi / 180)) < 1e-12)
        }
        #expect(Arithmetic.sinCos(degrees: 90) == (1, 0))
        #expect(Arithmetic.sinCos(degrees: 180).sin == 0)
        #expect(Arithmetic.sinCos(degrees: 270) == (-1, 0))
    }

    @Test("rounding helpers") func rounding() {
        #expect(Arithmetic.floor(-1.5) == -2 && Arithmetic.ceil(-1.5) == -1)
        #expect(Arithmetic.round(2.5) == 3 && Arithmetic.round(-2.5) == -3 && Arithmetic.round(2.49) == 2)
        #expect(Arithmetic.int(.nan, fallback: 7) == 7 && Arithmetic.int(1e20, fallback: 7) == 7)
        #expect(abs(Arithmetic.power2point4(0.5) - pow(0.5, 2.4)) < 1e-12)
    }

    @Test("scales pick nice domains and ticks, also for huge and empty ranges") func scales() {
        #expect(LinearScale.niceDomain(0, 104, count: 20) == (0, 110))
        #expect(LinearScale(domain: 0, 100, range: 0, 200).ticks(count: 4) == [0, 25, 50, 75, 100])
        #expect(LinearScale(domain: 0, 1e12, range: 0, 1).ticks(count: 2) == [0, 5e11, 1e12])
        let flat = LinearScale(domain: 5, 5, range: 0, 100)
        #expect(flat(5) == 50)
        #expect(LinearScale(domain: .nan, .infinity, range: 0, 10)(3).isFinite)
        #expect(LinearScale.decimals(step: 0.25) == 2 && LinearScale.decimals(step: 5) == 0)
    }

    @Test("text is shortened with … to fit, and wrapped at spaces") func textFitting() {
        let text = "Drainage / Storm Water System ICT Monitoring"
        let fitted = TextMetrics.fit(text, width: 100, size: 12)
        #expect(fitted.hasSuffix("…") && TextMetrics.width(fitted, size: 12) <= 100)
        #expect(!fitted.dropLast().hasSuffix(" "))
        #expect(TextMetrics.fit("Karmøy", width: 200, size: 12) == "Karmøy")
        #expect(TextMetrics.fit("Karmøy", width: 5, size: 12) == "")
        #expect(TextMetrics.wrap("Kristiansund og Nordmøre", width: 120, size: 15, bold: true, maxLines: 2).count == 2)
    }

    @Test("tables pad short rows and cut long ones") func tablePadding() {
        let table = DataTable(
            caption: "c", columns: ["a", "b"], rows: [["1"], ["1", "2", "3"]], numericColumns: [1, 5])
        #expect(table.rows == [["1", ""], ["1", "2"]])
        #expect(table.numericColumns == [1])
    }
}
