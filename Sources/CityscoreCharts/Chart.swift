/// A rendered chart: one drawing in the two forms a page needs, with its words and its data.
public struct Chart: Sendable, Hashable {
    /// The id every element id of the drawing starts with (the caller's prefix, made safe).
    public var id: String
    /// Short title, also the SVG `<title>`.
    public var title: String
    /// What the chart shows, in plain words, also the SVG `<desc>`.
    public var description: String
    /// `<svg>` markup to place inside an HTML page: colours come from classes that
    /// ``ChartStyle/stylesheet`` styles (light, dark and print), with fixed colours as a fallback.
    public var svg: String
    /// A complete `.svg` file: XML declaration, its own `<style>` with fixed colours and a white
    /// background, for downloading or for `<img src>`.
    public var standalone: String
    /// The same data as a table, for an HTML `<table>` beside or instead of the drawing.
    public var table: DataTable

    /// Creates a chart.
    public init(id: String, title: String, description: String, svg: String, standalone: String, table: DataTable) {
        self.id = id
        self.title = title
        self.description = description
        self.svg = svg
        self.standalone = standalone
        self.table = table
    }
}
