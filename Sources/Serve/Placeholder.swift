/// The preview server (filled in by the `serve` work).
enum ServePlaceholder {}
