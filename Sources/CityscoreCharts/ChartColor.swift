/// An sRGB colour with the WCAG 2 contrast arithmetic used to choose and check chart colours.
public struct ChartColor: Sendable, Hashable {
    /// Red channel, 0–255.
    public var red: UInt8
    /// Green channel, 0–255.
    public var green: UInt8
    /// Blue channel, 0–255.
    public var blue: UInt8

    /// A colour from `0xRRGGBB`.
    public init(hex: UInt32) {
        red = UInt8((hex >> 16) & 0xFF)
        green = UInt8((hex >> 8) & 0xFF)
        blue = UInt8(hex & 0xFF)
    }

    /// `#rrggbb`, lowercase.
    public var hex: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(7)
        appendHex(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of ``hex`` to `bytes`.
    func appendHex(to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "#"))
        Self.appendHex(red, to: &bytes)
        Self.appendHex(green, to: &bytes)
        Self.appendHex(blue, to: &bytes)
    }

    private static func appendHex(_ channel: UInt8, to bytes: inout [UInt8]) {
        bytes.append(hexDigit(channel >> 4))
        bytes.append(hexDigit(channel & 0xF))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// WCAG 2 relative luminance, 0 (black) to 1 (white).
    public var relativeLuminance: Double {
        func linear(_ channel: UInt8) -> Double {
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : Arithmetic.power2point4((c + 0.055) / 1.055)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG 2 contrast ratio with another colour, 1 to 21.
    public func contrastRatio(with other: ChartColor) -> Double {
        let a = relativeLuminance
        let b = other.relativeLuminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
