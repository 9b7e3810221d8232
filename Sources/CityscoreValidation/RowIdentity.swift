import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading
import CityscoreText

/// The city, KPI and data point a row of `results/*.csv` or `targets/*.csv` is about, each checked
/// against the site's cities and framework, each problem reported at its cell.
struct RowIdentity {
    var city: String
    var kpi: KPI
    var datapoint: String?
    /// The ranks of the city, the KPI and the data point (0 for none) in `RowOrder`.
    var ranks: (city: UInt32, kpi: UInt32, datapoint: UInt32)

    /// The three identity columns of one file, looked up once, and what their cells are checked against.
    struct Reader: Sendable {
        var columns: Columns
        var order: RowOrder
        var framework: Framework
        var citySlugs: Set<String>
        private let cityColumn: Columns.Column
        private let kpiColumn: Columns.Column
        private let datapointColumn: Columns.Column

        /// A reader for the rows of the file with these columns.
        init(columns: Columns, order: RowOrder, framework: Framework, citySlugs: Set<String>) {
            self.columns = columns
            self.order = order
            self.framework = framework
            self.citySlugs = citySlugs
            cityColumn = columns.column("city")
            kpiColumn = columns.column("kpi")
            datapointColumn = columns.column("datapoint")
        }

        /// Reads and checks the three cells; nil when any of them is wrong (the problems are added).
        /// A KPI with data points needs one named, in results and targets alike.
        func read(_ record: CSVTable.Record, diagnostics: inout [Diagnostic]) -> RowIdentity? {
            var ok = true
            let city = columns.text(cityColumn, in: record)
            let cityRank = order.cityRank(city)
            if cityRank == nil {
                ok = false
                diagnostics.append(
                    .error(
                        city.isEmpty
                            ? "the city is empty"
                            : Slug.isValid(city)
                                ? "unknown city \"\(city)\" in column \"city\": there is no Content/cities/\(city).md"
                                : "\(city.quotedForMessage()) in column \"city\" is not a city slug (lowercase letters, digits and dashes)",
                        at: columns.location(cityColumn, in: record),
                        suggestion: Suggestions.didYouMean(city, in: citySlugs.sorted())
                            ?? (Slug.isValid(city) ? "add Content/cities/\(city).md for it" : nil),
                        code: city.isEmpty ? .emptyCell : .unknownCity))
            }
            let code = columns.text(kpiColumn, in: record)
            let ranked = order.kpi(code)
            let kpi = ranked?.kpi
            if kpi == nil {
                ok = false
                diagnostics.append(
                    .error(
                        code.isEmpty
                            ? "the KPI code is empty" : "unknown KPI \(code.quotedForMessage()) in column \"kpi\"",
                        at: columns.location(kpiColumn, in: record),
                        suggestion: Suggestions.didYouMean(code, in: framework.codes),
                        code: code.isEmpty ? .emptyCell : .unknownKPI))
            }
            let given = columns.text(datapointColumn, in: record)
            var datapoint: String? = given.isEmpty ? nil : given
            var datapointRank: UInt32 = 0
            if let ranked, let kpi {
                let at = columns.location(datapointColumn, in: record)
                if kpi.datapoints.isEmpty, let given = datapoint {
                    ok = false
                    diagnostics.append(
                        .error(
                            "\(kpi.code) (\(kpi.name)) has no data points, but this row gives \(given.quotedForMessage())",
                            at: at,
                            suggestion: "leave the datapoint cell empty", code: .unknownDatapoint))
                } else if !kpi.datapoints.isEmpty, let given = datapoint {
                    let lowercased = given.lowercased()
                    if let match = kpi.datapoints.firstIndex(where: { $0.lowercased() == lowercased }) {
                        datapoint = kpi.datapoints[match]
                        datapointRank = ranked.datapointRanks[match]
                    } else {
                        ok = false
                        diagnostics.append(
                            .error(
                                "unknown data point \(given.quotedForMessage()) for \(kpi.code) (\(kpi.name)); its data points are \(kpi.datapoints.joined(separator: ", "))",
                                at: at, suggestion: Suggestions.didYouMean(given, in: kpi.datapoints),
                                code: .unknownDatapoint))
                    }
                } else if !kpi.datapoints.isEmpty {
                    ok = false
                    diagnostics.append(
                        .error(
                            "\(kpi.code) (\(kpi.name)) is reported by data point: the datapoint column must say which one (\(kpi.datapoints.joined(separator: ", ")))",
                            at: at, code: .missingDatapoint))
                }
            }
            guard ok, let ranked, let cityRank else { return nil }
            return RowIdentity(
                city: city, kpi: ranked.kpi, datapoint: datapoint,
                ranks: (city: cityRank, kpi: ranked.rank, datapoint: datapointRank))
        }
    }
}
