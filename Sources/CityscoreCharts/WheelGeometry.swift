/// Circle geometry of the benchmark wheel. Angles are degrees clockwise from 12 o'clock.
struct WheelGeometry {
    let cx: Double
    let cy: Double

    /// The point at `radius` and `angle`.
    func point(_ radius: Double, _ angle: Double) -> (x: Double, y: Double) {
        let (sin, cos) = Arithmetic.sinCos(degrees: angle)
        return (cx + radius * sin, cy - radius * cos)
    }

    /// Path data of the ring sector between radii `inner` and `outer`, angles `from` and `to`;
    /// a whole ring when the sector spans 360°.
    func sector(inner: Double, outer: Double, from: Double, to: Double) -> String {
        sectorPath(inner: inner, outer: outer, from: from, to: to).text
    }

    /// ``sector(inner:outer:from:to:)`` as bytes, for ``SVGWriter/attribute(_:path:)``.
    func sectorPath(inner: Double, outer: Double, from: Double, to: Double) -> PathData {
        var d = PathData()
        if to - from >= 359.99 {
            circle(outer, clockwise: true, into: &d)
            d.append(" ")
            if inner > 0 { circle(inner, clockwise: false, into: &d) }
            return d
        }
        let large = to - from > 180 ? 1.0 : 0
        let a = point(outer, from)
        let b = point(outer, to)
        d.numbers("M", a.x, a.y)
        d.numbers(" A", outer, outer, 0, large, 1, b.x, b.y)
        if inner > 0 {
            let c = point(inner, to)
            let e = point(inner, from)
            d.numbers(" L", c.x, c.y)
            d.numbers(" A", inner, inner, 0, large, 0, e.x, e.y)
        } else {
            d.numbers(" L", cx, cy)
        }
        d.append(" Z")
        return d
    }

    /// Path data of an arc to write text on, centred on `middle`, at most 180° long, running so
    /// that the text reads left to right (clockwise on the top half, anticlockwise on the bottom).
    func textArc(radius: Double, middle: Double, halfSpan: Double) -> PathData {
        let bottom = isBottom(middle)
        let start = point(radius, bottom ? middle + halfSpan : middle - halfSpan)
        let end = point(radius, bottom ? middle - halfSpan : middle + halfSpan)
        var d = PathData()
        d.numbers("M", start.x, start.y)
        d.numbers(" A", radius, radius, 0, 0, bottom ? 0 : 1, end.x, end.y)
        return d
    }

    /// Whether an angle points into the lower half, where text along the circle is turned round.
    func isBottom(_ angle: Double) -> Bool {
        let a = angle - 360 * Arithmetic.floor(angle / 360)
        return a > 90 && a < 270
    }

    private func circle(_ r: Double, clockwise: Bool, into d: inout PathData) {
        let sweep = clockwise ? 1.0 : 0
        d.numbers("M", cx, cy - r)
        d.numbers(" A", r, r, 0, 1, sweep, cx, cy + r)
        d.numbers(" A", r, r, 0, 1, sweep, cx, cy - r)
        d.append(" Z")
    }
}

/// Path data written command by command, numbers as ``SVGNumber`` formats them, into UTF-8 bytes
/// that ``SVGWriter/attribute(_:path:)`` copies as they are (path data has nothing to escape).
struct PathData {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(96) }

    /// The path data as text.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends a command letter or separator (ASCII).
    mutating func append(_ command: StaticString) {
        command.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `command` followed by a point, separated by a space (`M12 3.5`).
    mutating func numbers(_ command: StaticString, _ x: Double, _ y: Double) {
        append(command)
        SVGNumber.append(x, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        SVGNumber.append(y, to: &bytes)
    }

    /// `command` followed by the seven numbers of an arc (`A`), separated by spaces. Fixed arities,
    /// not a variadic list: a wheel writes several of these per segment, and a list is an allocation.
    mutating func numbers(
        _ command: StaticString, _ rx: Double, _ ry: Double, _ rotation: Double, _ large: Double, _ sweep: Double,
        _ x: Double, _ y: Double
    ) {
        append(command)
        SVGNumber.append(rx, to: &bytes)
        spaced(ry)
        spaced(rotation)
        spaced(large)
        spaced(sweep)
        spaced(x)
        spaced(y)
    }

    /// A space and `number`.
    private mutating func spaced(_ number: Double) {
        bytes.append(UInt8(ascii: " "))
        SVGNumber.append(number, to: &bytes)
    }
}
