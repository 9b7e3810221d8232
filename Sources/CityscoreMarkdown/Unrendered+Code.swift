import CityscoreDiagnostics

extension Unrendered.Construct {
    /// The diagnostic code of the warning for this construct.
    var code: DiagnosticCode {
        switch self {
        case .strikethrough: .strikethrough
        case .footnoteReference, .footnoteDefinition: .footnote
        }
    }
}
