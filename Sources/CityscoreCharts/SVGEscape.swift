import CityscoreText

/// Escaping of text nodes and attribute values: ``XMLEscaping``, the one XML escaper.
extension SVGWriter {
    /// ``XMLEscaping/escape(_:)``.
    public static func escape(_ text: String) -> String { XMLEscaping.escape(text) }

    /// Appends the UTF-8 of ``escape(_:)`` of `text` to `out`.
    @inline(__always)
    static func appendEscaped(_ text: String, to out: inout [UInt8]) { XMLEscaping.appendEscaped(text, to: &out) }
}
