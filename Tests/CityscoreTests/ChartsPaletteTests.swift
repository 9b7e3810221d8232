import Foundation
import CityscoreModel
import Testing

@testable import CityscoreCharts

/// The palette against WCAG 2: text on every fill it is drawn on ≥ 4.5:1, meaningful shapes and
/// lines against the background ≥ 3:1, in light and in dark mode. Luminance is computed here
/// again with Foundation's `pow`, independently of the module's own arithmetic.
@Suite("Charts: palette contrast") struct ChartsPaletteTests {
    static func luminance(_ color: ChartColor) -> Double {
        func channel(_ value: UInt8) -> Double {
            let c = Double(value) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(color.red) + 0.7152 * channel(color.green) + 0.0722 * channel(color.blue)
    }

    static func contrast(_ a: ChartColor, _ b: ChartColor) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test("text on each fill reaches 4.5:1 in light and dark mode") func textContrast() {
        for (text, fill) in ChartPalette.textOnFill {
            let light = Self.contrast(text.light, fill.light)
            let dark = Self.contrast(text.dark, fill.dark)
            #expect(light >= 4.5, "\(text.name) on \(fill.name), light: \(light)")
            #expect(dark >= 4.5, "\(text.name) on \(fill.name), dark: \(dark)")
        }
    }

    @Test("bands, grey and lines stand out 3:1 from the background in light and dark mode") func graphicsContrast() {
        for paint in ChartPalette.meaningfulGraphics {
            let light = Self.contrast(paint.light, ChartPalette.background.light)
            let dark = Self.contrast(paint.dark, ChartPalette.background.dark)
            #expect(light >= 3, "\(paint.name), light: \(light)")
            #expect(dark >= 3, "\(paint.name), dark: \(dark)")
        }
        #expect(ChartPalette.background.light == ChartColor(hex: 0xFFFFFF))
    }

    @Test("the module's luminance and contrast agree with the WCAG formula") func arithmetic() {
        for paint in ChartPalette.all {
            for color in [paint.light, paint.dark] {
                #expect(abs(color.relativeLuminance - Self.luminance(color)) < 1e-9, "\(color.hex)")
            }
        }
        #expect(abs(ChartColor(hex: 0x000000).contrastRatio(with: ChartColor(hex: 0xFFFFFF)) - 21) < 1e-9)
        #expect(ChartColor(hex: 0x1F4E8C).hex == "#1f4e8c")
    }

    @Test("the four bands and grey are five different colours in each mode") func distinct() {
        let fills = ChartPalette.bands + [ChartPalette.unscored]
        #expect(Set(fills.map(\.light)).count == 5)
        #expect(Set(fills.map(\.dark)).count == 5)
        #expect(Set(ChartPalette.all.map(\.name)).count == ChartPalette.all.count)
    }
}
