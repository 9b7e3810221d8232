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
        if to - from >= 359.99 {
            return circle(outer, clockwise: true) + " " + (inner > 0 ? circle(inner, clockwise: false) : "")
        }
        let large = to - from > 180 ? 1 : 0
        let a = point(outer, from)
        let b = point(outer, to)
        var d = "M\(f(a.x)) \(f(a.y)) A\(f(outer)) \(f(outer)) 0 \(large) 1 \(f(b.x)) \(f(b.y))"
        if inner > 0 {
            let c = point(inner, to)
            let e = point(inner, from)
            d += " L\(f(c.x)) \(f(c.y)) A\(f(inner)) \(f(inner)) 0 \(large) 0 \(f(e.x)) \(f(e.y))"
        } else {
            d += " L\(f(cx)) \(f(cy))"
        }
        return d + " Z"
    }

    /// Path data of an arc to write text on, centred on `middle`, at most 180° long, running so
    /// that the text reads left to right (clockwise on the top half, anticlockwise on the bottom).
    func textArc(radius: Double, middle: Double, halfSpan: Double) -> String {
        let bottom = isBottom(middle)
        let start = point(radius, bottom ? middle + halfSpan : middle - halfSpan)
        let end = point(radius, bottom ? middle - halfSpan : middle + halfSpan)
        return "M\(f(start.x)) \(f(start.y)) A\(f(radius)) \(f(radius)) 0 0 \(bottom ? 0 : 1) \(f(end.x)) \(f(end.y))"
    }

    /// Whether an angle points into the lower half, where text along the circle is turned round.
    func isBottom(_ angle: Double) -> Bool {
        let a = angle - 360 * Arithmetic.floor(angle / 360)
        return a > 90 && a < 270
    }

    private func circle(_ r: Double, clockwise: Bool) -> String {
        let sweep = clockwise ? 1 : 0
        return "M\(f(cx)) \(f(cy - r)) A\(f(r)) \(f(r)) 0 1 \(sweep) \(f(cx)) \(f(cy + r))"
            + " A\(f(r)) \(f(r)) 0 1 \(sweep) \(f(cx)) \(f(cy - r)) Z"
    }

    private func f(_ value: Double) -> String { SVGNumber.format(value) }
}
