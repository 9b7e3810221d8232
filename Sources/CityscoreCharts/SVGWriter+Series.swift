/// The marks of a data series over time, shared by ``TrendLine`` (a KPI's values by year) and
/// ``RoundTrend`` (scores by evaluation round).
extension SVGWriter {
    /// The series' line through `points` (drawing coordinates, in order), in the series colour with
    /// round joins and caps; nothing for fewer than two points.
    mutating func seriesLine(through points: [(x: Double, y: Double)], width: Double) {
        guard points.count > 1 else { return }
        var path = ""
        path.reserveCapacity(points.count * 16)
        for (index, point) in points.enumerated() {
            path += index == 0 ? "M" : " L"
            SVGNumber.append(point.x, to: &path)
            path += " "
            SVGNumber.append(point.y, to: &path)
        }
        let paint = ChartPalette.series
        open("path")
        attribute("class", paint.className)
        attribute("d", path)
        attribute("fill", "none")
        attribute("stroke", paint.light)
        attribute("stroke-width", width)
        attribute("stroke-linejoin", "round")
        attribute("stroke-linecap", "round")
        closeEmpty()
    }

    /// A dot of the series filled with `fill`, ringed by a halo in the background colour so that it
    /// stands out from lines behind it, with `title` as its tooltip when given.
    mutating func seriesDot(x: Double, y: Double, radius: Double, fill: ChartPaint, title: String?) {
        let halo = ChartPalette.halo
        open("circle")
        attribute("class", fill.className, halo.className)
        attribute("cx", x)
        attribute("cy", y)
        attribute("r", radius)
        attribute("fill", fill.light)
        attribute("stroke", halo.light)
        attribute("stroke-width", 1.5)
        if let title {
            closeStart("circle")
            element("title", text: title)
            end()
        } else {
            closeEmpty()
        }
    }
}
