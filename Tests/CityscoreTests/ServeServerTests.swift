import Foundation
import CityscoreServe
import Testing

/// The preview server end to end: a real socket on a free port of 127.0.0.1, real files, real edits.
@Suite("Serve: the live server", .serialized)
struct ServeServerTests {
    @Test func servesPagesAndShowsAnEditWithinASecond() async throws {
        let site = try ServeTestSite.make()
        defer { site.remove() }
        try await withPreviewServer(site) { server, client in
            let home = try await client.get("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.body.contains("<script src=\"/__cityscore/live-reload.js\""))
            // Links point at the server itself.
            #expect(home.body.contains("href=\"/cities/\""))

            let city = try await client.get("/cities/karmoy/")
            #expect(city.status == 200)
            #expect(city.body.contains("What was published"))
            let before = server.snapshot.version

            // A long-poll waiting for the next build, started before the edit.
            let poll = Task { try await client.get("\(LiveReload.pollPath)?since=\(before)") }

            // Edit → served, at most three tries: in a full parallel `swift test` on two cores, other
            // suites' synchronous builds can hold Swift's cooperative pool for seconds at a time.
            var latencies: [Duration] = []
            for attempt in 1...3 {
                let marker = "Freshly edited \(attempt)"
                try Data(TestSite.karmoy.replacingOccurrences(of: "What was published", with: marker).utf8)
                    .write(to: URL(fileURLWithPath: site.root + "/Content/cities/karmoy.md"))
                let (edited, elapsed) = try await fetch(client, "/cities/karmoy/", within: .seconds(5)) {
                    $0.body.contains(marker)
                }
                try #require(edited.body.contains(marker), "the edit was not served within 5 s")
                latencies.append(elapsed)
                if elapsed < .seconds(1) { break }
            }
            #expect(latencies.contains { $0 < .seconds(1) }, "edit → served took \(latencies)")

            let answer = try await poll.value
            #expect(answer.status == 200)
            #expect(answer.headers["content-type"] == "application/json")
            #expect(!answer.body.contains(before))
            #expect(answer.body.hasPrefix("{\"version\":\""))

            // Nothing was written into the site.
            #expect(!FileManager.default.fileExists(atPath: site.root + "/public"))
        }
    }

    @Test func aBrokenCSVShowsTheOverlayOverTheLastGoodSite() async throws {
        let site = try ServeTestSite.make()
        defer { site.remove() }
        try await withPreviewServer(site) { _, client in
            let path = site.root + "/Content/results/2020.csv"
            try Data((TestSite.results + "karmoy,EC: ICT: ICT: 1X,,2020,5,%,Oops\n").utf8).write(
                to: URL(fileURLWithPath: path))
            let (broken, _) = try await fetch(client, "/cities/karmoy/", within: .seconds(10)) {
                $0.body.contains("cityscore-build-errors")
            }
            #expect(broken.status == 200)
            #expect(broken.body.contains("Content/results/2020.csv:9:8:"))
            #expect(broken.body.contains("What was published"))
            #expect(try await client.get("/theme/site.css").status == 200)

            try Data(TestSite.results.utf8).write(to: URL(fileURLWithPath: path))
            let (fixed, _) = try await fetch(client, "/cities/karmoy/", within: .seconds(10)) {
                !$0.body.contains("cityscore-build-errors")
            }
            #expect(!fixed.body.contains("cityscore-build-errors"))
        }
    }

    @Test func refusesTraversalAndServesTheSites404() async throws {
        let site = try ServeTestSite.make()
        defer { site.remove() }
        try await withPreviewServer(site) { _, client in
            for path in [
                "/..%2f..%2fetc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd",
                "/../../etc/passwd",
                "/cities%2fkarmoy/", "/nope/",
            ] {
                let response = try await client.get(path)
                #expect(response.status == 404, "\(path)")
                #expect(!response.body.contains("root:"), "\(path)")
            }
            let missing = try await client.get("/nope")
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
            #expect(missing.body.contains("live-reload.js"))

            let redirect = try await client.get("/cities/karmoy")
            #expect(redirect.status == 302)
            #expect(redirect.headers["location"] == "/cities/karmoy/")

            let csv = try await client.get("/data/results.csv")
            #expect(csv.headers["content-type"] == "text/csv; charset=utf-8")
            #expect(!csv.body.contains("script"))
            #expect(try await client.get("/sitemap.xml").body.contains("http://127.0.0.1:"))
        }
    }

    @Test func newFoldersAreWatched() async throws {
        let site = try ServeTestSite.make()
        defer { site.remove() }
        try await withPreviewServer(site) { _, client in
            let folder = site.root + "/Content/cities/karmoy"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try await Task.sleep(for: .milliseconds(300))
            try Data("---\ntitle: Economy\n---\nA brand new economy narrative.\n".utf8).write(
                to: URL(fileURLWithPath: folder + "/economy.md"))
            let (page, _) = try await fetch(client, "/cities/karmoy/economy/", within: .seconds(10)) {
                $0.body.contains("brand new economy narrative")
            }
            #expect(page.body.contains("brand new economy narrative"))
        }
    }

    @Test func pollingWatcherSeesEditsToo() async throws {
        let site = try ServeTestSite.make()
        defer { site.remove() }
        try await withPreviewServer(site, watch: .polling) { server, client in
            #expect(server.watchMethod == .polling)
            try Data(
                TestSite.asker.replacingOccurrences(of: "Asker's narrative.", with: "Polled change.").utf8
            )
            .write(to: URL(fileURLWithPath: site.root + "/Content/cities/asker.md"))
            let (page, _) = try await fetch(client, "/cities/asker/", within: .seconds(10)) {
                $0.body.contains("Polled change.")
            }
            #expect(page.body.contains("Polled change."))
        }
    }

    @Test func aTakenPortIsAnErrorNotACrash() async throws {
        let site = try ServeTestSite.make()
        defer { site.remove() }
        try await withPreviewServer(site) { _, client in
            let second = try PreviewServer(
                .init(siteRoot: site.root, port: client.port), events: { _ in })
            await #expect(throws: ServeError.self) { try await second.start() }
        }
    }

    @Test func aFolderThatIsNotASiteIsAnError() async throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cityscore-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let server = try PreviewServer(.init(siteRoot: empty.path, port: 0), events: { _ in })
        do {
            try await server.start()
            Issue.record("a folder without Content/ was served")
            await server.stop()
        } catch {
            #expect(error.diagnostics.first?.message.contains("not a cityscore site") == true)
        }
    }
}
