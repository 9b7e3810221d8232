import CityscoreCharts
import CityscoreModel

/// Sample data for the chart tests and previews: the 91 U4SSC KPIs of the reference list with
/// made-up, deterministic scores for a city called Karmøy.
enum ChartsFixtures {
    /// Dimension, category, code, name and direction of every U4SSC KPI, in framework order.
    static let kpis: [(dimension: String, category: String, code: String, name: String, direction: String)] = [
        ("Economy", "ICT Infrastructure", "EC: ICT: ICT: 1C", "Household Internet Access", "higher"),
        ("Economy", "ICT Infrastructure", "EC: ICT: ICT: 2C", "Fixed Broadband Subscriptions", "higher"),
        ("Economy", "ICT Infrastructure", "EC: ICT: ICT: 3C", "Wireless Broadband Subscriptions", "higher"),
        ("Economy", "ICT Infrastructure", "EC: ICT: ICT: 4C", "Wireless Broadband Coverage", "higher"),
        ("Economy", "ICT Infrastructure", "EC: ICT: ICT: 5C", "Availability of WIFI in Public Areas", "higher"),
        ("Economy", "Water and Sanitation", "EC: ICT: WS: 1C", "Smart Water Meters", "higher"),
        ("Economy", "Water and Sanitation", "EC: ICT: WS: 2A", "Water Supply ICT Monitoring", "higher"),
        ("Economy", "Drainage", "EC: ICT: D: 1A", "Drainage / Storm Water System ICT Monitoring", "higher"),
        ("Economy", "Electricity Supply", "EC: ICT: ES: 1C", "Smart Electricity Meters", "higher"),
        ("Economy", "Electricity Supply", "EC: ICT: ES: 2A", "Electricity Supply ICT Monitoring", "higher"),
        ("Economy", "Electricity Supply", "EC: ICT: ES: 3A", "Demand Response Penetration", "higher"),
        ("Economy", "Transport", "EC: ICT: T: 1C", "Dynamic Public Transport Information", "higher"),
        ("Economy", "Transport", "EC: ICT: T: 2C", "Traffic Monitoring", "higher"),
        ("Economy", "Transport", "EC: ICT: T: 3A", "Intersection Control", "higher"),
        ("Economy", "Public Sector", "EC: ICT: PS: 1A", "Open Data", "higher"),
        ("Economy", "Public Sector", "EC: ICT: PS: 2A", "e-Government", "higher"),
        ("Economy", "Public Sector", "EC: ICT: PS: 3A", "Public Sector e-Procurement", "higher"),
        ("Economy", "Innovation", "EC: P: IN: 1C", "R&D Expenditure", "higher"),
        ("Economy", "Innovation", "EC: P: IN: 2C", "Patents", "higher"),
        ("Economy", "Innovation", "EC: P: IN: 3A", "Small and Medium-Sized Enterprises", "higher"),
        ("Economy", "Employment", "EC: P: EM: 1C", "Unemployment Rate", "lower"),
        ("Economy", "Employment", "EC: P: EM: 2C", "Youth Unemployment Rate", "lower"),
        ("Economy", "Employment", "EC: P: EM: 3A", "Tourism Sector Employment", "higher"),
        ("Economy", "Employment", "EC: P: EM: 4A", "ICT Sector Employment", "higher"),
        ("Economy", "Water and Sanitation", "EC: I: WS: 1C", "Basic Water Supply", "higher"),
        ("Economy", "Water and Sanitation", "EC: I: WS: 2C", "Potable Water Supply", "higher"),
        ("Economy", "Water and Sanitation", "EC: I: WS: 3C", "Water Supply Loss", "lower"),
        ("Economy", "Water and Sanitation", "EC: I: WS: 4C", "Wastewater Collection", "higher"),
        ("Economy", "Water and Sanitation", "EC: I: WS: 5C", "Household Sanitation", "higher"),
        ("Economy", "Waste", "EC: I: WA: 1C", "Solid Waste Collection", "higher"),
        ("Economy", "Electricity Supply", "EC: I: ES: 1C", "Electricity System Outage Frequency", "lower"),
        ("Economy", "Electricity Supply", "EC: I: ES: 2C", "Electricity System Outage Time", "lower"),
        ("Economy", "Electricity Supply", "EC: I: ES: 3C", "Access to Electricity", "higher"),
        ("Economy", "Transport", "EC: I: T: 1C", "Public Transport Network", "higher"),
        ("Economy", "Transport", "EC: I: T: 2A", "Public Transport Network Convenience", "higher"),
        ("Economy", "Transport", "EC: I: T: 3C", "Bicycle Network", "higher"),
        ("Economy", "Transport", "EC: I: T: 4A", "Transportation Mode Share", "higher"),
        ("Economy", "Transport", "EC: I: T: 5A", "Travel Time Index", "lower"),
        ("Economy", "Transport", "EC: I: T: 6A", "Shared Bicycles", "higher"),
        ("Economy", "Transport", "EC: I: T: 7A", "Shared Vehicles", "higher"),
        ("Economy", "Transport", "EC: I: T: 8A", "Low-Carbon Emission Passenger Vehicles", "higher"),
        ("Economy", "Buildings", "EC: I: B: 1A", "Public Building Sustainability", "higher"),
        (
            "Economy", "Buildings", "EC: I: B: 2A", "Integrated Building Management Systems in Public Buildings",
            "higher"
        ), ("Economy", "Urban Planning", "EC: I: UP: 1A", "Pedestrian Infrastructure", "higher"),
        ("Economy", "Urban Planning", "EC: I: UP: 2A", "Urban Development and Spatial Planning", "yes-no"),
        ("Environment", "Air Quality", "EN: EN: AQ: 1C", "Air Pollution", "lower"),
        ("Environment", "Air Quality", "EN: EN: AQ: 2C", "GHG Emissions", "lower"),
        ("Environment", "Water and Sanitation", "EN: EN: WS: 1C", "Drinking Water Quality", "higher"),
        ("Environment", "Water and Sanitation", "EN: EN: WS: 2C", "Water Consumption", "lower"),
        ("Environment", "Water and Sanitation", "EN: EN: WS: 3C", "Freshwater Consumption", "lower"),
        ("Environment", "Water and Sanitation", "EN: EN: WS: 4C", "Wastewater Treatment", "higher"),
        ("Environment", "Waste", "EN: EN: WA: 1C", "Solid Waste Treatment", "higher"),
        ("Environment", "Environmental Quality", "EN: EN: EQ: 1C", "EMF Exposure", "lower"),
        ("Environment", "Environmental Quality", "EN: EN: EQ: 2A", "Noise Exposure", "lower"),
        ("Environment", "Public Space and Nature", "EN: EN: PSN: 1C", "Green Areas", "higher"),
        ("Environment", "Public Space and Nature", "EN: EN: PSN: 2A", "Green Area Accessibility", "higher"),
        ("Environment", "Public Space and Nature", "EN: EN: PSN: 3A", "Protected Natural Areas", "higher"),
        ("Environment", "Public Space and Nature", "EN: EN: PSN: 4A", "Recreational Facilities", "higher"),
        ("Environment", "Energy", "EN: E: E: 1C", "Renewable Energy Consumption", "higher"),
        ("Environment", "Energy", "EN: E: E: 2C", "Electricity Consumption", "lower"),
        ("Environment", "Energy", "EN: E: E: 3C", "Residential Thermal Energy Consumption", "lower"),
        ("Environment", "Energy", "EN: E: E: 4A", "Public Building Energy Consumption", "lower"),
        ("Society and Culture", "Education", "SC: EH: ED: 1C", "Student ICT Access", "higher"),
        ("Society and Culture", "Education", "SC: EH: ED: 2C", "School Enrollment", "higher"),
        ("Society and Culture", "Education", "SC: EH: ED: 3C", "Higher Education Degrees", "higher"),
        ("Society and Culture", "Education", "SC: EH: ED: 4C", "Adult Literacy", "higher"),
        ("Society and Culture", "Education", "SC: EH: ED: 5A", "Electronic Health Records", "higher"),
        ("Society and Culture", "Health", "SC: EH: H: 1C", "Life Expectancy", "higher"),
        ("Society and Culture", "Health", "SC: EH: H: 2C", "Maternal Mortality Rate", "lower"),
        ("Society and Culture", "Health", "SC: EH: H: 3C", "Physicians", "higher"),
        ("Society and Culture", "Health", "SC: EH: H: 4A", "In-Patient Hospital Beds", "higher"),
        ("Society and Culture", "Health", "SC: EH: H: 5A", "Health Insurance / Public Health Coverage", "higher"),
        ("Society and Culture", "Culture", "SC: EH: C: 1C", "Cultural Expenditure", "higher"),
        ("Society and Culture", "Culture", "SC: EH: C: 2A", "Cultural Infrastructure", "higher"),
        ("Society and Culture", "Housing", "SC: SH: HO: 1C", "Informal Settlements", "lower"),
        ("Society and Culture", "Housing", "SC: SH: HO: 2A", "Housing Expenditure", "lower"),
        ("Society and Culture", "Social Inclusion", "SC: SH: SI: 1C", "Gender Income Equity", "higher"),
        ("Society and Culture", "Social Inclusion", "SC: SH: SI: 2C", "Gini Coefficient", "lower"),
        ("Society and Culture", "Social Inclusion", "SC: SH: SI: 3C", "Poverty", "lower"),
        ("Society and Culture", "Social Inclusion", "SC: SH: SI: 4C", "Voter Participation", "higher"),
        ("Society and Culture", "Social Inclusion", "SC: SH: SI: 5A", "Child Care Availability", "higher"),
        ("Society and Culture", "Safety", "SC: SH: SA: 1C", "Natural Disaster Related Deaths", "lower"),
        ("Society and Culture", "Safety", "SC: SH: SA: 2C", "Disaster Related Economic Losses", "lower"),
        ("Society and Culture", "Safety", "SC: SH: SA: 3A", "Resilience Plans", "yes-no"),
        ("Society and Culture", "Safety", "SC: SH: SA: 4A", "Population Living in Disaster Prone Areas", "lower"),
        ("Society and Culture", "Safety", "SC: SH: SA: 5A", "Emergency Service Response Time", "lower"),
        ("Society and Culture", "Safety", "SC: SH: SA: 6C", "Police Service", "higher"),
        ("Society and Culture", "Safety", "SC: SH: SA: 7C", "Fire Service", "higher"),
        ("Society and Culture", "Safety", "SC: SH: SA: 8C", "Violent Crime Rate", "lower"),
        ("Society and Culture", "Safety", "SC: SH: SA: 9C", "Traffic Fatalities", "lower"),
        ("Society and Culture", "Food Security", "SC: SH: FS: 1A", "Local Food Production", "higher"),
    ]

    /// A made-up achievement for KPI number `index`: about one in eight not reported, one in
    /// eleven without a target, the rest spread over the four bands.
    static func score(_ index: Int) -> ChartScore {
        if index % 8 == 5 { return .notReported }
        if index % 11 == 7 { return .noTarget }
        return .percent(Double((index * 37 + 11) % 120) + Double(index % 3) * 0.4)
    }

    /// Points-based score of a group (docs/scoring.md, "Groups") from its KPIs' scores.
    static func aggregate(_ scores: [ChartScore]) -> ChartScore {
        let bands = scores.compactMap(\.band)
        guard !bands.isEmpty else { return .notScored }
        return .percent(Double(bands.reduce(0) { $0 + $1.points }) / Double(4 * bands.count) * 100)
    }

    /// Dimensions → categories → KPIs with scores (categories in consecutive runs of the list).
    static let tree: [ChartItem] = {
        var dimensions: [(name: String, categories: [(name: String, kpis: [ChartItem])])] = []
        for (index, kpi) in kpis.enumerated() {
            let item = ChartItem(name: kpi.name, score: score(index))
            if dimensions.last?.name != kpi.dimension { dimensions.append((kpi.dimension, [])) }
            let d = dimensions.count - 1
            if dimensions[d].categories.last?.name != kpi.category {
                dimensions[d].categories.append((kpi.category, []))
            }
            let c = dimensions[d].categories.count - 1
            dimensions[d].categories[c].kpis.append(item)
        }
        return dimensions.map { dimension in
            let categories = dimension.categories.map { category in
                ChartItem(name: category.name, score: aggregate(category.kpis.map(\.score)), children: category.kpis)
            }
            let all = categories.flatMap(\.children).map(\.score)
            return ChartItem(name: dimension.name, score: aggregate(all), children: categories)
        }
    }()

    static let overall = aggregate(tree.flatMap { $0.children.flatMap(\.children) }.map(\.score))

    static let wheel = BenchmarkWheel(city: "Karmøy", overall: overall, dimensions: tree)

    static let bars = ScoreBars(city: "Karmøy", items: tree)

    static let bullet = BulletChart(
        name: "Household Internet Access", unit: "%", direction: .higher, value: .number(87.5), target: 100, year: 2020)

    static let bulletLower = BulletChart(
        name: "Water Supply Loss", unit: "%", direction: .lower, value: .number(24.3), target: 10, year: 2021)

    static let bulletYesNo = BulletChart(name: "Open Data", direction: .yesNo, value: .yesNo(true), year: 2021)

    static let trend = TrendLine(
        name: "Household Internet Access", unit: "%", direction: .higher,
        points: [
            .init(year: 2016, value: 71), .init(year: 2017, value: 74.5), .init(year: 2018, value: 80.2),
            .init(year: 2019, value: 84), .init(year: 2020, value: 87.5),
        ], target: 100)

    static let sparkline = TrendLine(
        name: trend.name, unit: trend.unit, direction: .higher, points: trend.points, target: 100, size: .sparkline)

    static let cities = ["Karmøy", "Bergen", "Trondheim", "Stavanger", "Kristiansand", "Tromsø", "Haugesund"]

    static let heatMap: HeatMap = {
        let economy = tree[0]
        return HeatMap(
            title: economy.name, columns: economy.children.map { HeatMap.Column(name: $0.name) },
            rows: cities.enumerated().map { row, city in
                HeatMap.Row(
                    name: city,
                    cells: economy.children.indices.map { column in
                        let n = row * 7 + column * 3
                        return n % 9 == 4 ? .notScored : n % 13 == 6 ? .notReported : .percent(Double((n * 29) % 101))
                    }, highlighted: row == 0)
            })
    }()

    static let dotPlot = DotPlot(
        name: "Household Internet Access", unit: "%", direction: .higher, target: 100,
        entries: cities.enumerated().map { index, city in
            let value = index == 5 ? ObservedValue.notReported : .number(Double(60 + (index * 17) % 40) + 0.5)
            let band = value == .notReported ? nil : Band(percent: Double(60 + (index * 17) % 40) + 0.5)
            return DotPlot.Entry(name: city, value: value, band: band, highlighted: index == 0)
        })
}
