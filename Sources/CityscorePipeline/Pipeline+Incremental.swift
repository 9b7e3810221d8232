import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading
import CityscoreRendering
import CityscoreRouting
import CityscoreScoring
import CityscoreValidation

/// The build `serve` keeps between edits: what was read, checked, scored and rendered last time,
/// so that an edit re-reads only the files that changed, checks the tables again only when one of
/// them changed, scores again only the cities whose rows changed, and renders again only the
/// outputs that depend on what changed (`Dependency`). Every check still sees the whole site.
/// The files are byte for byte those of a full build of the same site.
public struct IncrementalBuild: Sendable {
    /// What one build did.
    public enum Outcome: Sendable {
        /// The site's files by path, whether any of them changed, how many pages were rendered, the warnings.
        case built(files: [String: [UInt8]], changed: Bool, pages: Int, warnings: [Diagnostic])
        /// Every problem that stopped the build; the last good files stay as they were.
        case failed([Diagnostic])
    }

    /// What was kept of the last good build.
    struct State: Sendable {
        var source: SiteSource
        /// The problems of reading (before site.yml's `diagnostics:` applies).
        var readProblems: [Diagnostic]
        /// The results and targets checked, each results file apart.
        var data: CheckedData
        var site: Site
        var scorecards: [Scorecard]
        var routes: RouteTable
        var memory: RenderMemory
        var files: [String: [UInt8]]
    }

    /// The pipeline's settings (site folder, base URL, year); its output is not used.
    public var pipeline: Pipeline
    var state: State?
    /// Files changed since the last good build (a failed build keeps its changes for the next);
    /// nil: anything may have changed.
    var pending: Set<String>? = []

    /// A build of the site at `pipeline.siteRoot`; the first `build` reads everything.
    public init(_ pipeline: Pipeline) { self.pipeline = pipeline }

    /// Builds the site again after the files at `changed` (site-relative) changed; nil: anything
    /// may have changed (everything is read again).
    public mutating func build(changed: Set<String>?) -> Outcome {
        if let changed, let known = pending { pending = known.union(changed) } else { pending = nil }
        switch attempt(changed: pending) {
        case .success(let (state, outcome)):
            self.state = state
            pending = []
            return outcome
        case .failure(let error):
            return .failed(error.diagnostics)
        }
    }

    private func attempt(changed: Set<String>?) -> Result<(State?, Outcome), DiagnosticsError> {
        let reader = SiteReader(root: pipeline.siteRoot)
        let previous = state
        // 1. Read: the changed files only, when each can be read on its own.
        var source: SiteSource
        var readProblems: [Diagnostic]
        var bounded = false
        var assetEdits: [String] = []
        if let previous, let changed {
            let assets = Set(previous.site.assets.map { "Content/assets/" + $0 })
            assetEdits = changed.filter { assets.contains($0) && previous.source.files.exists($0) }.sorted()
            if let (reread, problems) = reader.reread(
                changed.subtracting(assetEdits), in: previous.source, problems: previous.readProblems)
            {
                (source, readProblems, bounded) = (reread, problems, true)
            } else {
                assetEdits = []
                let (read, problems) = reader.read(deferringResults: true)
                guard let read else { return .failure(DiagnosticsError(problems)) }
                (source, readProblems) = (read, problems)
            }
        } else {
            let (read, problems) = reader.read(deferringResults: true)
            guard let read else { return .failure(DiagnosticsError(problems)) }
            (source, readProblems) = (read, problems)
        }
        var diagnostics = DiagnosticList()
        let (levels, levelProblems) = DiagnosticSettings.read(source.config)
        diagnostics.levels = levels
        diagnostics.append(contentsOf: readProblems)
        diagnostics.append(contentsOf: levelProblems)

        // 2. Validate: the documents always (cheap), the tables only when one of them changed.
        let validator = SiteValidator(baseURLOverride: pipeline.baseURL, currentYear: pipeline.currentYear)
        let tablesChanged =
            !bounded
            || changed?.contains { $0.hasPrefix("Content/results/") || $0.hasPrefix("Content/targets/") } ?? true
        // A results file edited: that file alone is read and checked again.
        let data: CheckedData
        if let previous, !tablesChanged {
            data = previous.data
        } else {
            data = validator.validateData(
                source, previous: bounded ? previous?.data : nil, changed: bounded ? changed : nil)
        }
        var documents = source
        documents.results = []
        documents.deferredResults = nil
        documents.targets = []
        var (site, documentProblems) = validator.validateAll(documents)
        site.observations = data.observations
        site.targets = data.targets
        diagnostics.append(contentsOf: documentProblems)
        diagnostics.append(contentsOf: data.diagnostics)
        var changeProblems: [Diagnostic] = []
        site.changes = ChangesReader(files: source.files).read(cities: site.cities.map(\.slug), into: &changeProblems)
        diagnostics.append(contentsOf: changeProblems)
        if diagnostics.hasErrors {
            // Data with errors is never built: the full pipeline finds every problem of the run.
            do {
                _ = try pipeline.render()
            } catch {
                return .failure(error)
            }
            return .failure(DiagnosticsError(diagnostics.all))
        }

        // 3. Score: only the cities whose rows or targets changed.
        let sameCities = previous.map { $0.site.cities.map(\.slug) == site.cities.map(\.slug) } ?? false
        var scorecards: [Scorecard]
        var rescored: Set<String> = []
        if let previous, bounded, sameCities {
            scorecards = previous.scorecards
            if tablesChanged {
                rescored = Self.citiesWithChangedRows(previous.site, site)
                var subset = site
                subset.cities = site.cities.filter { rescored.contains($0.slug) }
                subset.observations = Self.rows(of: rescored, in: site.observations)
                subset.targets = site.targets.filter { rescored.contains($0.city) }
                let fresh = Scorer(site: subset).scorecards()
                let bySlug = Dictionary(fresh.map { ($0.city.slug, $0) }, uniquingKeysWith: { a, _ in a })
                for i in scorecards.indices {
                    if let card = bySlug[site.cities[i].slug] { scorecards[i] = card }
                }
            }
            for i in scorecards.indices { Self.setCity(site.cities[i], in: &scorecards[i]) }
        } else {
            scorecards = Scorer(site: site).scorecards()
        }

        // 4. Route, and what changed in terms of what pages show.
        // The same pages as before when nothing that names pages changed: of the rows, only each
        // city's rounds name pages, so rows changed in the same rounds keep the route table.
        let samePages =
            previous.map {
                bounded && sameCities
                    && (!tablesChanged || Self.sameRounds(of: rescored, before: $0.site, after: site))
                    && $0.site.cities.map(Self.facts) == site.cities.map(Self.facts)
                    && $0.site.pages.map(Self.facts) == site.pages.map(Self.facts)
                    && $0.site.actions.map(Self.facts) == site.actions.map(Self.facts)
                    && $0.site.changes == site.changes && $0.site.assets == site.assets
            } ?? false
        let routes = samePages ? previous?.routes ?? RouteTable(site: site) : RouteTable(site: site)
        var change: SiteChange
        // A theme file edited makes every page again; the narratives' Markdown stays as it was
        // unless the interface strings (which live values use) changed.
        let theme = changed?.filter { $0.hasPrefix("Themes/") } ?? []
        if let previous, bounded, sameCities {
            change = Self.change(from: previous, to: site, scorecards: scorecards, routes: routes, rescored: rescored)
            if !theme.isEmpty { change.everything = true }
        } else {
            change = .all
        }
        let keepMarkdown =
            bounded && sameCities && change.everything && !theme.isEmpty
            && !theme.contains { $0.contains("/strings/") }

        // 5. Render what the change touches. A site in several languages is rendered whole.
        let codes = site.config.languages.isEmpty ? [site.config.language] : site.config.languages
        guard codes.count == 1 else { return Self.whole(pipeline, state: nil) }
        var renderer = SiteRenderer(
            site: site, scorecards: scorecards, theme: source.theme, strings: source.strings, routes: routes)
        renderer.languages = LanguageLinks(codes: codes, current: codes[0], strings: source.languageSources.strings)
        var dirty = change.texts
        if !change.cityData.isEmpty || !change.cityFacts.isEmpty {
            // A narrative quoting live values ({{< value … >}}) shows scores and names.
            // Its page is made again when its text comes out otherwise (`SiteRenderer.render`).
            for document in Self.documents(of: site) where document.body.contains("{{") { dirty.insert(document.path) }
        }
        let (made, renderProblems, memory) = renderer.render(
            change: change, dirty: keepMarkdown ? [] : change.everything ? nil : dirty,
            memory: previous?.memory ?? RenderMemory())
        diagnostics.append(contentsOf: renderProblems)
        guard !diagnostics.hasErrors else { return .failure(DiagnosticsError(diagnostics.all)) }

        // 6. The files: those made replace what their outputs made before.
        var files = change.everything ? [:] : previous?.files ?? [:]
        var changedFiles = change.everything
        if !change.everything, let previous {
            for (output, paths) in made.outputs {
                for path in previous.memory.outputs[output] ?? [] where !paths.contains(path) {
                    files[path] = nil
                    changedFiles = true
                }
            }
        }
        for (path, bytes) in made.files.map({ ($0, Array($1.utf8)) }) + made.bytes.map({ ($0, $1) }) {
            if !changedFiles && files[path] != bytes { changedFiles = true }
            files[path] = bytes
        }
        var assetProblems: [Diagnostic] = []
        if change.everything {
            assetProblems = Pipeline.copyAssets(of: site, files: source.files) { files[$0] = $1 }
        } else {
            for path in assetEdits {
                var problems: [Diagnostic] = []
                if case .bytes(let bytes) = source.files.read(path, into: &problems) {
                    files["assets/" + path.dropFirst("Content/assets/".count)] = bytes
                    changedFiles = true
                }
                assetProblems += problems
            }
        }
        diagnostics.append(contentsOf: assetProblems)
        guard !diagnostics.hasErrors else { return .failure(DiagnosticsError(diagnostics.all)) }
        let state = State(
            source: source, readProblems: readProblems, data: data, site: site, scorecards: scorecards,
            routes: routes, memory: memory, files: files)
        return .success(
            (state, .built(files: files, changed: changedFiles, pages: made.pages, warnings: diagnostics.all)))
    }

    /// The site built by the full pipeline (a site in several languages); nothing is kept for the
    /// next build, which is whole again.
    static func whole(_ pipeline: Pipeline, state: State?) -> Result<(State?, Outcome), DiagnosticsError> {
        do {
            let (files, warnings) = try pipeline.render()
            var byPath: [String: [UInt8]] = [:]
            for file in files { byPath[file.path] = file.bytes }
            let pages = files.filter { $0.path.hasSuffix(".html") }.count
            return .success((state, .built(files: byPath, changed: true, pages: pages, warnings: warnings)))
        } catch {
            return .failure(error)
        }
    }

    // MARK: What changed

    /// The cities whose rows or targets differ between two sites.
    static func citiesWithChangedRows(_ old: Site, _ new: Site) -> Set<String> {
        var changed =
            differingInPlace(old.observations, new.observations, city: \.city)
            ?? differing(old.observations, new.observations, city: \.city)
        changed.formUnion(differing(old.targets, new.targets, city: \.city))
        return changed
    }

    /// `RouteTable.sameRounds` from the rows of `cities` alone.
    static func sameRounds(of cities: Set<String>, before: Site, after: Site) -> Bool {
        var (old, new) = (before, after)
        old.observations = rows(of: cities, in: before.observations)
        new.observations = rows(of: cities, in: after.observations)
        return RouteTable.sameRounds(of: cities, before: old, after: new)
    }

    /// The cities whose rows differ between `old` and `new`, both sorted by city (as validation
    /// sorts them); compared city by city in place, without copying the rows.
    static func differing<Row: Equatable>(_ old: [Row], _ new: [Row], city: (Row) -> String) -> Set<String> {
        // Each city's rows as a range; a city found in two places is taken as changed.
        func ranges(_ rows: [Row], scattered: inout Set<String>) -> [String: Range<Int>] {
            var out: [String: Range<Int>] = [:]
            var start = rows.startIndex
            while start < rows.endIndex {
                let slug = city(rows[start])
                var end = start + 1
                while end < rows.endIndex && city(rows[end]) == slug { end += 1 }
                if out.updateValue(start..<end, forKey: slug) != nil { scattered.insert(slug) }
                start = end
            }
            return out
        }
        var changed = Set<String>()
        let before = ranges(old, scattered: &changed)
        let after = ranges(new, scattered: &changed)
        for slug in Set(before.keys).union(after.keys) {
            guard let a = before[slug], let b = after[slug], old[a].elementsEqual(new[b]) else {
                changed.insert(slug)
                continue
            }
        }
        return changed
    }

    /// The KPIs whose items differ between two scorecards of one city; every KPI when the city's
    /// latest year differs (an indicator's page shows each item with it).
    static func changedKPIs(_ old: Scorecard, _ new: Scorecard, framework: Framework) -> Set<String> {
        let codes = framework.kpis.map(\.code)
        guard old.coverage.latestYear == new.coverage.latestYear else { return Set(codes) }
        return Set(codes.filter { old.items(for: $0) != new.items(for: $0) })
    }

    /// The earlier rounds whose scorecard differs between two scorecards of one city; nil (every
    /// round) when the list of rounds or their overall scores differ, which every round's page shows.
    static func changedRounds(_ old: Scorecard, _ new: Scorecard) -> Set<Int>? {
        guard old.rounds.map(\.round) == new.rounds.map(\.round),
            old.rounds.map(\.overall) == new.rounds.map(\.overall)
        else { return nil }
        return Set(zip(old.earlier, new.earlier).filter { $0 != $1 }.compactMap(\.0.round))
    }

    /// `city` in the scorecard and in each of its earlier rounds.
    static func setCity(_ city: City, in card: inout Scorecard) {
        card.city = city
        for i in card.earlier.indices { setCity(city, in: &card.earlier[i]) }
    }

    /// Every Markdown document of a site.
    static func documents(of site: Site) -> [Document] {
        site.cities.flatMap { [$0.document] + $0.dimensionNarratives.values } + site.pages
            + site.actions.map(\.document) + site.changes.map(\.document)
    }

    /// A document without its text: what lists and menus show of it.
    static func facts(_ document: Document) -> Document {
        var facts = document
        facts.body = ""
        facts.bodyLine = 0
        return facts
    }

    /// A city without the text of its narratives.
    static func facts(_ city: City) -> City {
        var facts = city
        facts.document = Self.facts(city.document)
        facts.dimensionNarratives = city.dimensionNarratives.mapValues(Self.facts)
        return facts
    }

    /// An action without the text of its document.
    static func facts(_ action: Action) -> Action {
        var facts = action
        facts.document = Self.facts(action.document)
        return facts
    }

    /// What changed between the last good build and `site` (same cities, same site.yml, framework
    /// and theme), in the terms pages depend on.
    static func change(
        from previous: State, to site: Site, scorecards: [Scorecard], routes: RouteTable, rescored: Set<String>
    ) -> SiteChange {
        let old = previous.site
        let samePages =
            old.pages.map(facts) == site.pages.map(facts) && old.assets == site.assets
            && previous.routes.routes.map(\.path) == routes.routes.map(\.path)
            && previous.routes.routes.map(\.template) == routes.routes.map(\.template)
        let sameDocuments = Set(documents(of: old).map(\.path)) == Set(documents(of: site).map(\.path))
        guard samePages && sameDocuments else { return .all }
        var change = SiteChange()
        var kpis = Set<String>()
        var scores = Set<String>()
        var dimensions: Set<Int>? = []
        for (i, card) in scorecards.enumerated() where rescored.contains(card.city.slug) {
            var before = previous.scorecards[i]
            setCity(card.city, in: &before)
            guard before != card else { continue }
            change.cityData.insert(card.city.slug)
            if scoresDiffer(before, card) {
                scores.insert(card.city.slug)
                if let known = dimensions { dimensions = changedDimensions(before, card).map(known.union) }
            }
            kpis.formUnion(changedKPIs(before, card, framework: site.framework))
            if let rounds = changedRounds(before, card) { change.cityRounds[card.city.slug] = rounds }
        }
        if !change.cityData.isEmpty {
            (change.kpiData, change.cityScores, change.dimensions) = (kpis, scores, dimensions)
        }
        for (before, after) in zip(old.cities, site.cities) where facts(before) != facts(after) {
            change.cityFacts.insert(after.slug)
        }
        var texts: [String: Document] = [:]
        for document in documents(of: old) { texts[document.path] = document }
        for document in documents(of: site) {
            let before = texts[document.path]
            if before?.body != document.body || before?.bodyLine != document.bodyLine {
                change.texts.insert(document.path)
            }
        }
        change.actions = old.actions.map(facts) != site.actions.map(facts)
        change.targets = old.targets != site.targets
        change.changes = old.changes != site.changes
        return change
    }
}
