import CityscoreConcurrency
import CityscoreDiagnostics
import CityscoreModel
import CityscorePipeline
import CityscoreReading
import CityscoreScoring
import CityscoreValidation
import Foundation
import Testing

/// Issue 20's memory: an observation is one shared block, copied only when a copy is changed, so
/// that scorecards refer to the site's rows instead of holding copies of them.
@Suite("Observation storage")
struct ObservationStorageTests {
    static func row(year: Int = 2020, round: Int? = nil) -> Observation {
        Observation(
            city: "karmoy", kpi: "EC: ICT: ICT: 1C", datapoint: "fixed", year: year, value: .number(97), unit: "%",
            source: "Statistics Norway, table 11342", note: "a note", quality: .survey, verified: true,
            extra: ["x-owner": "IT"], location: SourceLocation(path: "Content/results/2020.csv", line: 12, column: 3),
            valueText: "97.0", noBenchmark: true, round: round)
    }

    @Test func everyFieldReadsBackAsGiven() {
        let o = Self.row(round: 2021)
        #expect(o.city == "karmoy")
        #expect(o.kpi == "EC: ICT: ICT: 1C")
        #expect(o.datapoint == "fixed")
        #expect(o.year == 2020)
        #expect(o.round == 2021)
        #expect(o.value == .number(97))
        #expect(o.valueText == "97.0")
        #expect(o.noBenchmark)
        #expect(o.unit == "%")
        #expect(o.source == "Statistics Norway, table 11342")
        #expect(o.note == "a note")
        #expect(o.quality == .survey)
        #expect(o.verified == true)
        #expect(o.extra == ["x-owner": "IT"])
        #expect(o.location == SourceLocation(path: "Content/results/2020.csv", line: 12, column: 3))
        #expect(Self.row().round == nil)
    }

    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        let original = Self.row()
        var copy = original
        #expect(copy.isIdentical(to: original))
        copy.year = 2021
        copy.round = 2022
        copy.source = "changed"
        copy.location.line = 99
        #expect(!copy.isIdentical(to: original))
        #expect(original.year == 2020 && original.round == nil && original.source == "Statistics Norway, table 11342")
        #expect(original.location.line == 12)
        #expect(copy.year == 2021 && copy.round == 2022 && copy.source == "changed" && copy.location.line == 99)
        #expect(copy != original)
    }

    @Test func equalRowsAreEqualAndHashAlikeWithoutSharingABlock() {
        let a = Self.row()
        let b = Self.row()
        #expect(!a.isIdentical(to: b))
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        var c = b
        c.value = .notReported
        #expect(a != c)
    }

    /// The test site, read and validated without errors.
    static func validatedTestSite() throws -> Site {
        let site = try TestSite.make()
        defer { site.remove() }
        let (source, _) = SiteReader(root: site.root).read()
        let read = try #require(source)
        let (checked, problems) = SiteValidator().validate(read)
        #expect(!problems.contains { $0.severity == .error })
        return try #require(checked)
    }

    @Test func scorecardsShareTheSiteRowsInsteadOfCopyingThem() throws {
        let validated = try Self.validatedTestSite()
        let cards = Scorer(site: validated).scorecards()
        let history = cards.flatMap(\.items).flatMap(\.history)
        #expect(!history.isEmpty)
        #expect(history.count == validated.observations.count)
        for row in history {
            #expect(validated.observations.contains { $0.isIdentical(to: row) })
        }
    }

    @Test func rowsWithEqualLabelsShareThemThroughAPoolAndStayEqual() {
        var pool = Observation.LabelPool()
        let a = Self.row(year: 2020)
        let b = Self.row(year: 2021)
        var other = Self.row(year: 2022)
        other.source = "another report"
        #expect(!a.sharesLabels(with: b))
        for row in [a, b, other] { row.shareLabels(in: &pool) }
        #expect(pool.count == 2)
        #expect(a.sharesLabels(with: b))
        #expect(!a.sharesLabels(with: other))
        // Sharing changes nothing a row reads.
        #expect(b == Self.row(year: 2021))
        #expect(b.hashValue == Self.row(year: 2021).hashValue)
        #expect(b.source == "Statistics Norway, table 11342" && b.extra == ["x-owner": "IT"])
        #expect(b.location == SourceLocation(path: "Content/results/2020.csv", line: 12, column: 3))
        // A changed copy gets labels of its own; the rows sharing the old ones keep them.
        var changed = b
        changed.unit = "per cent"
        changed.datapoint = nil
        #expect(!changed.sharesLabels(with: a))
        #expect(a.unit == "%" && b.unit == "%" && a.datapoint == "fixed" && b.datapoint == "fixed")
        #expect(changed.unit == "per cent" && changed.datapoint == nil && changed.source == b.source)
        var moved = a
        moved.location = SourceLocation(path: "Content/results/2021.csv", line: 2, column: 1)
        #expect(moved.location.path == "Content/results/2021.csv" && a.location.path == "Content/results/2020.csv")
        #expect(moved != a)
    }

    @Test func validatedRowsOfOneFileShareEqualLabels() throws {
        let rows = try Self.validatedTestSite().observations
        var pairs = 0
        for (i, row) in rows.enumerated() {
            for other in rows[(i + 1)...] where other.location.path == row.location.path {
                let same =
                    other.datapoint == row.datapoint && other.unit == row.unit && other.source == row.source
                    && other.note == row.note && other.extra == row.extra
                #expect(same == row.sharesLabels(with: other))
                if same { pairs += 1 }
            }
        }
        #expect(pairs > 0)
    }

    @Test func scorecardsShareOneItemIndexAndFindEveryItemThroughIt() throws {
        let cards = Scorer(site: try Self.validatedTestSite()).scorecards()
        let first = try #require(cards.first)
        #expect(cards.count > 1)
        #expect(cards.allSatisfy { $0.sharesItemIndex(with: first) })
        for card in cards {
            let items = card.dimensions.flatMap(\.items)
            #expect(card.items == items)
            // A scorecard made without the scorer's index has one of its own, and finds the same items.
            let alone = Scorecard(
                city: card.city, overall: card.overall, dimensions: card.dimensions, coverage: card.coverage)
            #expect(!alone.sharesItemIndex(with: card))
            for code in Set(items.map(\.kpi.code)) {
                let expected = items.filter { $0.kpi.code == code }
                #expect(card.items(for: code) == expected)
                #expect(alone.items(for: code) == expected)
                for item in expected {
                    #expect(card.item(code, datapoint: item.datapoint) == item)
                }
            }
            #expect(card.items(for: "no such KPI").isEmpty)
        }
    }

    @Test func scorecardsAreTheSameWhetherRowsAndTargetsComeGroupedByCityOrNot() throws {
        let sorted = try Self.validatedTestSite()
        let cards = Scorer(site: sorted).scorecards()
        let goals = cards.flatMap(\.items).filter { $0.targetOrigin?.kind == .local }
        #expect(goals.count == 2)
        // Every city's rows reversed (still grouped by city), then by year across cities (not grouped).
        var reversed = sorted
        reversed.observations.reverse()
        reversed.targets.reverse()
        var mixed = sorted
        mixed.observations = sorted.observations.enumerated()
            .sorted { ($0.element.year, $0.offset) < ($1.element.year, $1.offset) }.map(\.element)
        let runs = zip(mixed.observations, mixed.observations.dropFirst()).filter { $0.city != $1.city }.count + 1
        #expect(runs > Set(mixed.observations.map(\.city)).count)
        #expect(Scorer(site: reversed).scorecards() == cards)
        #expect(Scorer(site: mixed).scorecards() == cards)
    }

    @Test func aCheckCountsTheBuildsPagesWithoutRenderingEveryOne() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        var pipeline = Pipeline(siteRoot: site.root, output: nil)
        let totals = Locked<[Int]>([])
        pipeline.progress = { _, total in totals.withLock { $0.append(total) } }
        let checked = try pipeline.run()
        let built = try Pipeline(siteRoot: site.root, output: site.output).run()
        #expect(checked.pages == built.pages)
        let seen = totals.current
        // One page per template is rendered (each template's first page), far fewer than the pages.
        #expect(!seen.isEmpty)
        #expect(seen.allSatisfy { $0 < built.pages })
    }
}
