import CityscoreCharts
import CityscoreConcurrency
import Testing

@testable import CityscoreRendering

/// A city's pages share what one of them made: its wheel, its KPI rows (``Shelf``).
@Suite("Wheels and rows shared by a city's pages")
struct ShelfTests {
    /// The `<svg …>…</svg>` of the wheel (titled by `wheel-title`).
    static func wheelSVG(_ html: String) -> String? {
        guard let id = html.range(of: "aria-labelledby=\"wheel-title"),
            let start = html[..<id.lowerBound].range(of: "<svg", options: .backwards),
            let end = html[id.upperBound...].range(of: "</svg>")
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test("the report shows the wheel its city page shows, byte for byte")
    func reportShowsThePagesWheel() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let page = try #require(site.read("cities/karmoy/index.html").flatMap(Self.wheelSVG))
        let report = try #require(site.read("cities/karmoy/report/index.html").flatMap(Self.wheelSVG))
        #expect(page == report)
        #expect(page.contains("Karmøy"))
        #expect(site.read("cities/karmoy/report/index.html")?.contains("report-wheel") == false)
    }

    @Test("a wheel is drawn once while it is on the shelf, and again once it has left it")
    func drawsOnce() {
        let shelf = WheelShelf.wheels()
        let draws = Locked(0)
        func wheel(_ city: String) -> BenchmarkWheel {
            var wheel = ChartsFixtures.wheel
            wheel.city = city
            return wheel
        }
        func chart(_ city: String) -> Chart {
            shelf.value(wheel(city)) {
                draws.withLock { $0 += 1 }
                return wheel(city).render(id: "wheel", words: .english)
            }
        }
        let first = chart("Karmøy")
        #expect(chart("Karmøy") == first)
        #expect(draws.current == 1)
        // Another city's wheel is another drawing.
        #expect(chart("Asker") != first)
        #expect(draws.current == 2)
        // Once as many others have come, the first has left the shelf and is drawn again, the same.
        for n in 0..<shelf.capacity { _ = chart("City \(n)") }
        let before = draws.current
        #expect(chart("Karmøy") == first)
        #expect(draws.current == before + 1)
    }
}
