/// Rounding, trigonometry and powers written with the four IEEE operations only, so that chart
/// coordinates are the same on every machine (no `libm`, whose `sin`/`cos` may differ in the last
/// bit between platforms) and the module needs neither Foundation nor Glibc.
enum Arithmetic {
    /// Largest magnitude below which a `Double` may have a fraction; beyond it every value is whole.
    private static let wholeLimit = 4_503_599_627_370_496.0  // 2^52

    /// The largest whole number not above `x`; non-finite values are returned as they are.
    static func floor(_ x: Double) -> Double {
        guard x.isFinite, x.magnitude < wholeLimit else { return x }
        let truncated = Double(Int64(x))
        return truncated > x ? truncated - 1 : truncated
    }

    /// The smallest whole number not below `x`.
    static func ceil(_ x: Double) -> Double { -floor(-x) }

    /// `x` rounded to the nearest whole number, halves away from zero.
    static func round(_ x: Double) -> Double {
        guard x.isFinite, x.magnitude < wholeLimit else { return x }
        let down = floor(x.magnitude)
        let rounded = x.magnitude - down >= 0.5 ? down + 1 : down
        return x < 0 ? -rounded : rounded
    }

    /// An `Int` for a finite `x` within ±1e15, else `fallback`: never traps.
    static func int(_ x: Double, fallback: Int = 0) -> Int {
        guard x.isFinite, x.magnitude <= 1e15 else { return fallback }
        return Int(round(x))
    }

    /// Sine and cosine of an angle in degrees, exact at multiples of 90°.
    static func sinCos(degrees: Double) -> (sin: Double, cos: Double) {
        guard degrees.isFinite else { return (0, 1) }
        var d = degrees - 360 * floor(degrees / 360)
        let quarter = round(d / 90)
        d -= 90 * quarter
        let x = d * Double.pi / 180
        let x2 = x * x
        // Taylor series; |x| ≤ π/4, so the terms up to x^17 leave an error below 1e-17.
        var sinTerm = x
        var cosTerm = 1.0
        var s = x
        var c = 1.0
        for n in 1...8 {
            let k = Double(2 * n)
            sinTerm *= -x2 / (k * (k + 1))
            cosTerm *= -x2 / ((k - 1) * k)
            s += sinTerm
            c += cosTerm
        }
        switch Int(quarter) % 4 {
        case 1: return (c, -s)
        case 2: return (-s, -c)
        case 3: return (-c, s)
        default: return (s, c)
        }
    }

    /// `x` to the power 2.4 for `x` in 0...1 (the sRGB transfer curve), as x² · (x²)^(1/5).
    static func power2point4(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        let square = min(x, 1) * min(x, 1)
        // Newton's method for the fifth root from above converges monotonically.
        var root = 1.0
        for _ in 0..<80 {
            let next = (4 * root + square / (root * root * root * root)) / 5
            if next >= root { break }
            root = next
        }
        return square * root
    }

    /// 10 to the power `exponent`, by repeated multiplication (exact up to 10^22).
    static func powerOfTen(_ exponent: Int) -> Double {
        var value = 1.0
        if exponent >= 0 {
            for _ in 0..<min(exponent, 308) { value *= 10 }
        } else {
            for _ in 0..<min(-exponent, 308) { value /= 10 }
        }
        return value
    }
}
