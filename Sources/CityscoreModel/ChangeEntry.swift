import CityscoreDiagnostics

/// One entry of the site's record of changes (`Content/changes/<date>.md`): when published values
/// changed, in a title and a Markdown body, and which cities it concerns.
public struct ChangeEntry: Sendable, Hashable {
    /// Front matter `date`, `YYYY-MM-DD`.
    public var date: String
    /// Front matter `title`: what changed, in one line ("3 values corrected").
    public var title: String
    /// Front matter `cities`: slugs of the cities whose data changed (empty: the whole site).
    public var cities: [String]
    /// The file and its Markdown body.
    public var document: Document

    /// Creates an entry.
    public init(date: String, title: String, cities: [String], document: Document) {
        self.date = date
        self.title = title
        self.cities = cities
        self.document = document
    }

    /// The anchor of the entry on the changes page (`2026-11-30`, or the file name when two entries
    /// share a date).
    public var anchor: String { document.slug }
}

extension Site {
    /// The latest change entry naming the city `slug` (the newest date; the later file on a tie).
    public func latestChange(of slug: String) -> ChangeEntry? {
        changes.last { $0.cities.contains(slug) }
    }
}
