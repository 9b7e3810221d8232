import CityscorePipeline
import Foundation
import Testing
import Yams

@testable import CityscoreReading

#if canImport(Glibc)
    import Glibc
#endif

/// Links under `Content/` and `Themes/` cannot publish files from outside the site, and input that
/// would take minutes or gigabytes to read (YAML aliases, huge Markdown files) is refused up front.
@Suite("Symlinks and input bounds")
struct SymlinkAndInputBoundsTests {
    /// A folder outside the site holding one secret file, removed with the site.
    struct Outside {
        let folder: String
        var secretFile: String { folder + "/secret.txt" }
        static let secret = "CI_DEPLOY_TOKEN=s3cr3t-\(UUID().uuidString)"

        init() throws {
            folder =
                FileManager.default.temporaryDirectory.appendingPathComponent(
                    "cityscore-outside-\(UUID().uuidString)"
                ).path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(Self.secret.utf8).write(to: URL(fileURLWithPath: secretFile))
        }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Runs `body` with a test site (`overrides` applied) and a folder outside it, and removes both.
    static func withOutside(_ overrides: [String: String?] = [:], _ body: (TestSite, Outside) throws -> Void) throws {
        let outside = try Outside()
        defer { outside.remove() }
        let site = try TestSite.make(overrides)
        defer { site.remove() }
        try body(site, outside)
    }

    /// Makes a link at the site path `path` (its folder created) pointing at `target`.
    static func link(_ site: TestSite, _ path: String, to target: String) throws {
        let full = site.root + "/" + path
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
    }

    /// Builds `site`; the problems found and how long it took.
    static func timedBuild(_ site: TestSite) -> (problems: [String], took: Duration) {
        let start = ContinuousClock.now
        let problems = site.build()
        return (problems, ContinuousClock.now - start)
    }

    /// Every file of the built site contains no `secret`.
    static func published(_ site: TestSite, contains secret: String) -> Bool {
        TestSite.tree(site.output).values.contains { String(decoding: $0, as: UTF8.self).contains(secret) }
    }

    /// The error for a link at `path` to the file or folder `real` outside the site.
    static func outside(_ path: String, _ real: String, what: String = "file") -> String {
        "\(path):1:1: error: the \(what) is a link to a \(what) outside the site (\(real)), which is not published; "
            + "copy the \(what) into the site, or set follow_symlinks: true in Content/site.yml if you mean to "
            + "publish it [outside-site]"
    }

    // MARK: Links that leave the site

    @Test func aLinkToEtcPasswdInAssetsIsAnErrorAtTheLink() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        try Self.link(site, "Content/assets/passwd", to: "/etc/passwd")
        let expected = [Self.outside("Content/assets/passwd", "/etc/passwd")]
        #expect(site.build() == expected)
        #expect(site.check() == expected)
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    @Test func aPageThatLinksToTheProcessEnvironmentIsRefusedEvenWhenFollowingLinks() throws {
        for follow in [false, true] {
            let site = try TestSite.make([
                "Content/site.yml": TestSite.siteYML + (follow ? "follow_symlinks: true\n" : "")
            ])
            defer { site.remove() }
            try Self.link(site, "Content/pages/x.md", to: "/proc/self/environ")
            let problems = site.build()
            #expect(problems.count == 1)
            let problem = try #require(problems.first)
            #expect(problem.hasPrefix("Content/pages/x.md:1:1: error: the link leads to /proc/"))
            #expect(problem.contains("/environ, a system file that is never read (not even with follow_symlinks)"))
            #expect(!FileManager.default.fileExists(atPath: site.output))
        }
    }

    @Test func aLinkInTheThemesStaticFilesIsAnError() throws {
        try Self.withOutside { site, outside in
            try Self.link(site, "Themes/default/static/theme/token.txt", to: outside.secretFile)
            #expect(site.build() == [Self.outside("Themes/default/static/theme/token.txt", outside.secretFile)])
        }
    }

    @Test func aLinkedTemplateOfAnotherThemeIsAnErrorToo() throws {
        try Self.withOutside(["Content/site.yml": TestSite.siteYML + "theme: mine\n"]) { site, outside in
            try Self.link(site, "Themes/mine", to: outside.folder)
            #expect(site.build() == [Self.outside("Themes/mine", outside.folder, what: "folder")])
        }
    }

    @Test func aLinkedFolderThatLeavesTheSiteIsAnErrorAtTheFolder() throws {
        try Self.withOutside { site, outside in
            try Self.link(site, "Content/assets/shared", to: outside.folder)
            try Self.link(site, "Content/cities/karmoy", to: outside.folder)
            #expect(
                site.build() == [
                    Self.outside("Content/cities/karmoy", outside.folder, what: "folder"),
                    Self.outside("Content/assets/shared", outside.folder, what: "folder"),
                ])
        }
    }

    @Test(arguments: [
        "Content/results/2021.csv", "Content/targets/more.csv", "Content/framework/kpis.csv",
        "Content/cities/oslo.md", "Content/cities/karmoy/plan.md", "Themes/default/templates/city.mustache",
        "Themes/default/strings/en.yml",
    ])
    func everyKindOfSiteFileIsChecked(path: String) throws {
        try Self.withOutside { site, outside in
            try Self.link(site, path, to: outside.secretFile)
            #expect(site.check().contains(Self.outside(path, outside.secretFile)))
        }
    }

    @Test func aSiteReachedThroughALinkReadsItsOwnLinks() throws {
        let site = try TestSite.make(["Shared/logo.txt": "logo"])
        defer { site.remove() }
        try Self.link(site, "Content/assets/logo.txt", to: "../../Shared/logo.txt")
        let alias = site.root + "-link"
        try FileManager.default.createSymbolicLink(atPath: alias, withDestinationPath: site.root)
        defer { try? FileManager.default.removeItem(atPath: alias) }
        _ = try Pipeline(siteRoot: alias, output: site.output).run()
        #expect(site.read("assets/logo.txt") == "logo")
    }

    @Test func contentAndSiteYMLThemselvesCannotLeadOutside() throws {
        try Self.withOutside { site, outside in
            try Data(TestSite.siteYML.utf8).write(to: URL(fileURLWithPath: outside.folder + "/site.yml"))
            try FileManager.default.removeItem(atPath: site.root + "/Content/site.yml")
            try Self.link(site, "Content/site.yml", to: outside.folder + "/site.yml")
            #expect(
                site.build().first
                    == "Content/site.yml:1:1: error: the file is a link to a file outside the site "
                    + "(\(outside.folder)/site.yml), which is not published; copy the file into the site [outside-site]"
            )

            let other = try TestSite(files: [:])
            defer { other.remove() }
            try Self.link(other, "Content", to: site.root + "/Content")
            #expect(other.build() == [Self.outside("Content", site.root + "/Content", what: "folder")])
        }
    }

    // MARK: Links inside the site, and follow_symlinks

    @Test func linksInsideTheSiteAreReadAsTheirTargets() throws {
        let site = try TestSite.make([
            "Shared/logo.txt": "shared logo",
            "Shared/docs/guide.txt": "guide",
            "Shared/about.md": "---\ntitle: About\n---\nShared about page.\n",
        ])
        defer { site.remove() }
        try Self.link(site, "Content/assets/logo.txt", to: "../../Shared/logo.txt")
        try Self.link(site, "Content/assets/docs", to: "../../Shared/docs")
        try Self.link(site, "Content/pages/about.md", to: site.root + "/Shared/about.md")
        #expect(site.build() == [])
        #expect(site.read("assets/logo.txt") == "shared logo")
        #expect(site.read("assets/docs/guide.txt") == "guide")
        #expect(site.read("about/index.html")?.contains("Shared about page.") == true)
    }

    @Test func followSymlinksPublishesAnOutsideFileButNeverProc() throws {
        try Self.withOutside(["Content/site.yml": TestSite.siteYML + "follow_symlinks: true\n"]) { site, outside in
            try Self.link(site, "Content/assets/shared.txt", to: outside.secretFile)
            try Self.link(site, "Content/assets/folder", to: outside.folder)
            #expect(site.build() == [])
            #expect(site.read("assets/shared.txt") == Outside.secret)
            #expect(site.read("assets/folder/secret.txt") == Outside.secret)

            for target in ["/proc/self/environ", "/proc/self", "/sys/kernel", "/dev/null"] {
                try? FileManager.default.removeItem(atPath: site.root + "/Content/assets/system")
                try Self.link(site, "Content/assets/system", to: target)
                let problems = site.check()
                #expect(problems.count == 1, "\(target): \(problems)")
                #expect(
                    problems.first?.hasPrefix("Content/assets/system:1:1: error: the link leads to \(target.prefix(4))")
                        == true
                        && problems.first?.contains("that is never read (not even with follow_symlinks)") == true,
                    "\(target): \(problems)")
            }
        }
    }

    @Test func followSymlinksMustBeTrueOrFalse() throws {
        let site = try TestSite.make(["Content/site.yml": TestSite.siteYML + "follow_symlinks: sometimes\n"])
        defer { site.remove() }
        #expect(
            site.build() == [
                "Content/site.yml:4:1: error: \"follow_symlinks\" must be true or false, found \"sometimes\" [value-kind]"
            ])
    }

    // MARK: Links that lead nowhere

    @Test func aDanglingLinkIsAnError() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        try Self.link(site, "Content/assets/gone.png", to: "missing/gone.png")
        #expect(
            site.build() == [
                "Content/assets/gone.png:1:1: error: the link leads nowhere: \"missing/gone.png\" does not exist; "
                    + "fix the link or remove it [broken-symlink]"
            ])
    }

    @Test func loopsOfLinksAreErrorsNotHangs() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        try Self.link(site, "Content/pages/a.md", to: "b.md")
        try Self.link(site, "Content/pages/b.md", to: "a.md")
        try Self.link(site, "Content/assets/deep/up", to: "../../assets")
        let (problems, took) = Self.timedBuild(site)
        #expect(took < .seconds(10))
        #expect(
            problems == [
                "Content/pages/a.md:1:1: error: the link is part of a loop of links that never reaches a file; "
                    + "remove the link or point it at a real file [link-loop]",
                "Content/pages/b.md:1:1: error: the link is part of a loop of links that never reaches a file; "
                    + "remove the link or point it at a real file [link-loop]",
                "Content/assets/deep/up:1:1: error: the folder is a link to a folder it is in, which would repeat "
                    + "without end; remove the link [link-loop]",
            ])
    }

    @Test func aPipeInTheSiteIsRefusedWithoutWaitingOnIt() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        try FileManager.default.createDirectory(
            atPath: site.root + "/Content/assets", withIntermediateDirectories: true)
        #expect(mkfifo(site.root + "/Content/assets/pipe", 0o644) == 0)
        let problems = site.build()
        #expect(problems.count == 1)
        #expect(
            problems.first?.hasPrefix("Content/assets/pipe:1:1: error: ") == true
                && problems.first?.contains("is not an ordinary file (a device, pipe or socket) and is never read")
                    == true
        )
    }

    // MARK: serve

    @Test func aServedSiteDoesNotServeALinkedSecret() async throws {
        let outside = try Outside()
        defer { outside.remove() }
        let site = try ServeTestSite.make()
        defer { site.remove() }
        try site.write("Content/assets/ok.txt", bytes: Array("ok".utf8))
        try await withPreviewServer(site) { _, client in
            let (ok, _) = try await fetch(client, "/assets/ok.txt", within: .seconds(10)) { $0.status == 200 }
            #expect(ok.body == "ok")
            try Self.link(site, "Content/assets/token.txt", to: outside.secretFile)
            let (broken, _) = try await fetch(client, "/", within: .seconds(10)) {
                $0.body.contains("cityscore-build-errors")
            }
            #expect(broken.body.contains("Content/assets/token.txt:1:1:"))
            #expect(broken.body.contains("is a link to a file outside the site"))
            let token = try await client.get("/assets/token.txt")
            #expect(token.status == 404)
            for response in [broken, token] { #expect(!response.body.contains(Outside.secret)) }
        }
        // Served from the start: the first build fails and nothing of the secret is served.
        try await withPreviewServer(site) { _, client in
            let (first, _) = try await fetch(client, "/assets/token.txt", within: .seconds(10)) {
                $0.status != 503
            }
            #expect(first.status == 500)
            #expect(!first.body.contains(Outside.secret))
        }
    }

    // MARK: YAML aliases

    /// The issue's alias bomb: 10,000 aliases of aliases in a front matter of about 131 KB.
    static func aliasBomb(aliases: Int = 10_000) -> String {
        var yaml = "name: Asker\na0: &anchor_0 [" + Array(repeating: "lol", count: 10).joined(separator: ",") + "]\n"
        var level = 1
        var written = 0
        while written < aliases {
            let count = min(10, aliases - written)
            yaml +=
                "k\(written): &anchor_\(level) ["
                + Array(repeating: "*anchor_\(level - 1)", count: count).joined(separator: ",") + "]\n"
            written += count
            level = level % 9 + 1
        }
        return yaml
    }

    @Test func anAliasBombInFrontMatterIsRefusedAtOnce() throws {
        let yaml = Self.aliasBomb()
        #expect(yaml.utf8.count > 100_000)
        let site = try TestSite.make(["Content/cities/asker.md": "---\n" + yaml + "---\nText.\n"])
        defer { site.remove() }
        let (problems, took) = Self.timedBuild(site)
        #expect(took < .seconds(10), "refused without expanding: an expanded bomb takes minutes")
        #expect(
            problems == [
                "Content/cities/asker.md:3:5: error: \"&anchor_0\" is a YAML anchor (a name for a value), which "
                    + "cityscore does not read (and 11000 more); write each value out in full; if you meant the text, "
                    + "put it in quotes: \"&anchor_0\" [yaml-alias]"
            ])
    }

    @Test func anAliasInSiteYMLIsAnErrorAtItsLine() throws {
        let site = try TestSite.make(["Content/site.yml": TestSite.siteYML + "description: *title\n"])
        defer { site.remove() }
        let (problems, took) = Self.timedBuild(site)
        #expect(took < .seconds(10))
        #expect(
            problems.first
                == "Content/site.yml:4:14: error: \"*title\" is a YAML alias (a copy of a value named elsewhere), "
                + "which cityscore does not read; write each value out in full; if you meant the text, put it in "
                + "quotes: \"*title\" [yaml-alias]")
        let bomb = try TestSite.make(["Content/site.yml": TestSite.siteYML + Self.aliasBomb()])
        defer { bomb.remove() }
        let (bombProblems, bombTook) = Self.timedBuild(bomb)
        #expect(bombProblems.first?.hasPrefix("Content/site.yml:5:5: error: \"&anchor_0\" is a YAML anchor") == true)
        #expect(bombTook < .seconds(10))
    }

    @Test(arguments: [
        // Quoted, inside words, in comments, in block scalars and in the lines that continue a plain text.
        "title: \"*New* results\"", "title: '&more'", "title: a *b* c & d", "title: x # *not an alias",
        "peers: [\"*a\", '&b', c*d]", "description: |\n  *starred*\n  &amp;\nweight: 2",
        "description: >-\n  - *item\n  - &item\nweight: 2", "description: long text\n  *that goes on*\n  &here",
        "items:\n  - a\n    *b continues a\n", "title: \"a \\\" *b\"", "title: 'it''s *x'", "url: https://x.org/*",
        "# *comment\ntitle: T", "- \"*a\"\n- b*",
    ])
    func starsAndAmpersandsThatAreTextAreAccepted(yaml: String) throws {
        #expect(YAMLAliases.scan(yaml) == nil)
    }

    @Test(arguments: [
        ("title: *t", 1, 8, "*t"), ("a: &x 1\nb: *x", 1, 4, "&x"), ("list:\n  - *a", 2, 5, "*a"),
        ("peers: [a, *b]", 1, 12, "*b"), ("map: {k: *v}", 1, 10, "*v"),
        ("description: |\n  text\nother: *o", 3, 8, "*o"),
        ("k: plain\n*key : v", 2, 1, "*key"), ("k: v\n- - *n", 2, 5, "*n"), ("k: !!str &a v", 1, 10, "&a"),
        ("name: \"ø\"\nx: [\n  *y]", 3, 3, "*y"), ("items:\n  - a\n  - *b", 3, 5, "*b"),
    ])
    func aliasesAndAnchorsAreFoundWhereTheyAre(yaml: String, line: Int, column: Int, text: String) throws {
        let found = try #require(YAMLAliases.scan(yaml))
        #expect(found.first == YAMLAliases.Found(line: line, column: column, text: text))
    }

    @Test func quotedStarsAreReadAsText() throws {
        let site = try TestSite.make([
            "Content/cities/asker.md": "---\nname: \"*Asker*\"\ncountry: '&Norway'\n---\nText.\n"
        ])
        defer { site.remove() }
        #expect(site.build() == [])
        #expect(site.read("cities/asker/index.html")?.contains("*Asker*") == true)
    }

    // MARK: Markdown size

    @Test func anElevenMegabyteMarkdownFileIsRefusedBeforeItIsRead() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let line = String(repeating: "word ", count: 20) + "\n"
        let big = String(repeating: line, count: 11_000_000 / line.utf8.count + 1)
        try site.write("Content/pages/big.md", bytes: Array(big.utf8))
        let (problems, took) = Self.timedBuild(site)
        #expect(took < .seconds(5))
        #expect(
            problems == [
                "Content/pages/big.md:1:1: error: the file is 11 MB, more than the 10 MB a Markdown file may have; "
                    + "split it into smaller files, or raise max_markdown_mb in Content/site.yml [file-too-large]"
            ])
    }

    @Test func theMarkdownLimitIsSetInSiteYML() throws {
        let page = "---\ntitle: Long\n---\n" + String(repeating: "Some text.\n", count: 300)
        let small = try TestSite.make([
            "Content/site.yml": TestSite.siteYML + "max_markdown_mb: 0.002\n", "Content/pages/long.md": page,
        ])
        defer { small.remove() }
        #expect(
            small.build() == [
                "Content/pages/long.md:1:1: error: the file is 3320 bytes, more than the 2000 bytes a Markdown file "
                    + "may have; split it into smaller files, or raise max_markdown_mb in Content/site.yml [file-too-large]"
            ])

        let large = try TestSite.make(["Content/site.yml": TestSite.siteYML + "max_markdown_mb: 12\n"])
        defer { large.remove() }
        let line = String(repeating: "word ", count: 20) + "\n"
        try large.write(
            "Content/pages/big.md",
            bytes: Array(String(repeating: line, count: 11_000_000 / line.utf8.count + 1).utf8))
        let (source, problems) = SiteReader(root: large.root).read()
        #expect(problems.isEmpty)
        #expect(source?.pages.contains { $0.name == "big" && $0.frontMatter.body.utf8.count > 11_000_000 } == true)

        let wrong = try TestSite.make(["Content/site.yml": TestSite.siteYML + "max_markdown_mb: lots\n"])
        defer { wrong.remove() }
        #expect(
            wrong.build() == [
                "Content/site.yml:4:1: error: \"max_markdown_mb\" must be a number of megabytes above 0, found "
                    + "\"lots\"; e.g. \"max_markdown_mb: 10\" [invalid-value]"
            ])
    }
}

/// The alias scanner agrees with the YAML parser: on random YAML-like text that Yams reads, the
/// scanner finds an anchor or alias exactly when Yams's tree holds one, and it never traps.
@Suite("YAML alias scanner against Yams")
struct YAMLAliasScannerAgreementTests {
    static let pieces = [
        "key: ", "k2: ", "- ", "  ", "    ", "\n", "\n", "\n  ", "*a", "&a ", "*b", "&b ", "'", "\"", "''", "\\\"",
        "|", ">", "|-\n", "[", "]", "{", "}", ", ", ",", " # ", "#", "x", "ø y", "!!str ", "? ", ": ", ":", "*", "&",
        "---\n", "a*b", "\t", "é", "\r\n", "...\n", "  - ", "\t- ", "- - ", "!t ", "key:", "\n- ", "\n  key: ", "{a: ",
        "[*a, ", "&a\n", "|2\n",
    ]

    /// Whether any node of `node` carries an anchor or is an alias.
    static func hasAnchor(_ node: Node) -> Bool {
        switch node {
        case .scalar(let scalar): return scalar.anchor != nil
        case .alias: return true
        case .sequence(let sequence): return sequence.anchor != nil || sequence.contains(where: hasAnchor)
        case .mapping(let mapping):
            return mapping.anchor != nil || mapping.contains { hasAnchor($0.key) || hasAnchor($0.value) }
        }
    }

    @Test func agreesWithYamsOnRandomText() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var parsed = 0
        var withAnchors = 0
        var disagreements: [String] = []
        for _ in 0..<30_000 {
            let text = (0..<(1 + next(24))).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            let scanned = YAMLAliases.scan(text) != nil
            guard let parser = try? Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8),
                let root = try? parser.singleRoot()
            else { continue }
            // The parser holds the anchors that the nodes refer to weakly.
            let found = withExtendedLifetime(parser) { Self.hasAnchor(root) }
            parsed += 1
            if found { withAnchors += 1 }
            if found != scanned && disagreements.count < 10 { disagreements.append(text) }
        }
        #expect(disagreements == [])
        #expect(parsed > 2_000, "too few inputs were YAML: \(parsed)")
        #expect(withAnchors > 100, "too few inputs had anchors: \(withAnchors)")
    }
}
