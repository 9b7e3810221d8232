import Diagnostics
import Model
import Reading

/// The city, KPI and data point a row of `results/*.csv` or `targets/*.csv` is about, each checked
/// against the site's cities and framework, each problem reported at its cell.
struct RowIdentity {
    var city: String
    var kpi: KPI
    var datapoint: String?

    /// Reads and checks the three cells; nil when any of them is wrong (the problems are added).
    /// A KPI with data points needs one named, in results and targets alike.
    static func read(
        _ record: CSVTable.Record, columns: Columns, framework: Framework, citySlugs: Set<String>,
        diagnostics: inout [Diagnostic]
    ) -> RowIdentity? {
        var ok = true
        let city = columns.text("city", in: record)
        if !citySlugs.contains(city) {
            ok = false
            diagnostics.append(
                .error(
                    city.isEmpty
                        ? "the city is empty"
                        : Slug.isValid(city)
                            ? "unknown city \"\(city)\" in column \"city\": there is no Content/cities/\(city).md"
                            : "\(city.quotedForMessage()) in column \"city\" is not a city slug (lowercase letters, digits and dashes)",
                    at: columns.location("city", in: record),
                    suggestion: Suggestions.didYouMean(city, in: citySlugs.sorted())
                        ?? (Slug.isValid(city) ? "add Content/cities/\(city).md for it" : nil)))
        }
        let code = columns.text("kpi", in: record)
        let kpi = framework.kpi(code)
        if kpi == nil {
            ok = false
            diagnostics.append(
                .error(
                    code.isEmpty ? "the KPI code is empty" : "unknown KPI \(code.quotedForMessage()) in column \"kpi\"",
                    at: columns.location("kpi", in: record),
                    suggestion: Suggestions.didYouMean(code, in: framework.codes)))
        }
        let given = columns.text("datapoint", in: record)
        var datapoint: String? = given.isEmpty ? nil : given
        if let kpi {
            let at = columns.location("datapoint", in: record)
            let list = kpi.datapoints.joined(separator: ", ")
            if kpi.datapoints.isEmpty, let given = datapoint {
                ok = false
                diagnostics.append(
                    .error(
                        "\(kpi.code) (\(kpi.name)) has no data points, but this row gives \(given.quotedForMessage())",
                        at: at,
                        suggestion: "leave the datapoint cell empty"))
            } else if !kpi.datapoints.isEmpty, let given = datapoint {
                if let match = kpi.datapoints.first(where: { $0.lowercased() == given.lowercased() }) {
                    datapoint = match
                } else {
                    ok = false
                    diagnostics.append(
                        .error(
                            "unknown data point \(given.quotedForMessage()) for \(kpi.code) (\(kpi.name)); its data points are \(list)",
                            at: at, suggestion: Suggestions.didYouMean(given, in: kpi.datapoints)))
                }
            } else if !kpi.datapoints.isEmpty {
                ok = false
                diagnostics.append(
                    .error(
                        "\(kpi.code) (\(kpi.name)) is reported by data point: the datapoint column must say which one (\(list))",
                        at: at))
            }
        }
        guard ok, let kpi else { return nil }
        return RowIdentity(city: city, kpi: kpi, datapoint: datapoint)
    }
}
