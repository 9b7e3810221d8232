import CityscoreModel

/// The site's public record of changes: the "What changed" page, the line on each city page that
/// names its latest data change, and the Atom feed `changes.xml`.
extension URLs {
    public static let changes = "changes/"
    public static let changesFeed = "changes.xml"

    /// The anchor of an entry on the changes page.
    public static func changeAnchor(_ entry: ChangeEntry) -> String { "change-" + entry.anchor }
}
