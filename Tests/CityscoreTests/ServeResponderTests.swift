import CityscoreDiagnostics
import CityscoreServe
import Testing

/// How the preview server maps requests to the site in memory, without a socket.
@Suite("Serve: paths, types and responses")
struct ServeResponderTests {
    // MARK: Paths

    @Test(arguments: [
        "/..", "/../", "/../etc/passwd", "/a/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/",
        "/%2e%2E/x",
        "/%2E%2e", "/..%2f..%2fetc/passwd", "/..%2F..%2Fetc/passwd", "/cities%2fkarmoy/",
        "/cities%2Fkarmoy",
        "/%5c..%5cetc", "/..\\etc", "/.", "/./index.html", "/%2e/index.html", "/a//b", "//",
        "//etc/passwd",
        "/%00", "/a%00b", "/%zz", "/%2", "/%", "/%ff%fe", "", "etc/passwd", "*",
    ])
    func refusesPathsOutsideTheSite(_ path: String) {
        #expect(RequestPath(rawPath: path) == .refused, "\(path)")
    }

    @Test func resolvesFoldersAndFiles() {
        #expect(RequestPath(rawPath: "/") == .folder(""))
        #expect(RequestPath(rawPath: "/cities/karmoy/") == .folder("cities/karmoy/"))
        #expect(RequestPath(rawPath: "/cities/karmoy") == .file("cities/karmoy"))
        #expect(RequestPath(rawPath: "/data/results.csv") == .file("data/results.csv"))
        #expect(RequestPath(rawPath: "/assets/my%20report.pdf") == .file("assets/my report.pdf"))
        #expect(RequestPath(rawPath: "/cities/karm%C3%B8y/") == .folder("cities/karmøy/"))
        #expect(RequestPath(rawPath: "/a..b/c...") == .file("a..b/c..."))
    }

    // MARK: Content types

    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"), ("theme/site.css", "text/css; charset=utf-8"),
        ("charts/a.svg", "image/svg+xml"), ("data/cities/karmoy.json", "application/json"),
        ("data/results.csv", "text/csv; charset=utf-8"),
        ("sitemap.xml", "application/xml; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"), ("assets/logo.png", "image/png"),
        ("assets/photo.jpg", "image/jpeg"), ("assets/photo.JPEG", "image/jpeg"),
        ("assets/report.pdf", "application/pdf"), ("theme/app.js", "text/javascript; charset=utf-8"),
        ("assets/archive.zip", "application/octet-stream"),
        ("assets/README", "application/octet-stream"),
        ("assets/.hidden", "application/octet-stream"), ("a.b/noext", "application/octet-stream"),
    ])
    func contentTypeByExtension(_ path: String, _ type: String) {
        #expect(ContentTypes.type(forPath: path) == type)
    }

    // MARK: Responses

    static let page =
        "<!DOCTYPE html>\n<html><head><title>x</title></head><body><h1>Karmøy</h1></body></html>\n"

    static let files: [String: [UInt8]] = [
        "index.html": Array(page.utf8),
        "cities/karmoy/index.html": Array(page.utf8),
        "404.html": Array("<html><body><h1>Not here</h1></body></html>".utf8),
        "theme/site.css": Array("body{}".utf8),
        "data/cities/karmoy.json": Array("{\"city\":\"karmoy\"}".utf8),
        "charts/a.svg": Array("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".utf8),
    ]

    func responder(errors: [Diagnostic] = [], files: [String: [UInt8]]? = Self.files) -> SiteResponder {
        SiteResponder(snapshot: SiteSnapshot(files: files, errors: errors, version: "v1"))
    }

    @Test func foldersServeTheirIndexWithTheReloadClient() {
        let response = responder().respond(method: "GET", path: "/cities/karmoy/")
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(response.headers["Cache-Control"] == "no-store")
        let tag = "<script src=\"/__cityscore/live-reload.js\" data-version=\"v1\"></script>\n</body>"
        #expect(response.text.contains(tag))
        #expect(response.text.contains("<h1>Karmøy</h1>"))
        #expect(response.headers["Content-Length"] == String(response.body.count))
    }

    @Test func onlyHTMLGetsTheReloadClient() {
        let r = responder()
        for path in ["/theme/site.css", "/data/cities/karmoy.json", "/charts/a.svg"] {
            let response = r.respond(method: "GET", path: path)
            #expect(response.status == 200)
            #expect(response.body == Self.files[String(path.dropFirst())], "\(path)")
            #expect(!response.text.contains("live-reload"), "\(path)")
        }
        #expect(r.respond(method: "GET", path: "/").text.contains("live-reload.js"))
        // The built files themselves are never changed.
        #expect(!String(decoding: Self.files["index.html"] ?? [], as: UTF8.self).contains("script"))
    }

    @Test func aFolderWithoutItsSlashRedirects() {
        let response = responder().respond(method: "GET", path: "/cities/karmoy", query: "a=1")
        #expect(response.status == 302)
        #expect(response.headers["Location"] == "/cities/karmoy/?a=1")
    }

    @Test func missingFilesGetTheSites404PageWithStatus404() {
        for path in [
            "/nope", "/nope/", "/cities/nowhere/", "/..%2f..%2fetc/passwd", "/%2E%2E/%2e%2e/etc/passwd",
        ] {
            let response = responder().respond(method: "GET", path: path)
            #expect(response.status == 404, "\(path)")
            #expect(response.text.contains("<h1>Not here</h1>"), "\(path)")
            #expect(response.text.contains("live-reload.js"), "\(path)")
        }
    }

    @Test func headHasNoBodyButItsLengthAndOtherMethodsAreRefused() {
        let get = responder().respond(method: "GET", path: "/theme/site.css")
        let head = responder().respond(method: "HEAD", path: "/theme/site.css")
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.headers["Content-Length"] == String(get.body.count))
        let post = responder().respond(method: "POST", path: "/")
        #expect(post.status == 405)
        #expect(post.headers["Allow"] == "GET, HEAD")
    }

    @Test func buildErrorsShowOverHTMLPagesEscaped() {
        let problem = Diagnostic.error(
            "unknown KPI \"<script>alert(1)</script>\" & more",
            at: SourceLocation(path: "Content/results/2020.csv", line: 3, column: 7), code: .unknownKPI)
        let r = responder(errors: [problem])
        let page = r.respond(method: "GET", path: "/cities/karmoy/")
        #expect(page.status == 200)
        #expect(page.text.contains("id=\"cityscore-build-errors\""))
        #expect(
            page.text.contains(
                "Content/results/2020.csv:3:7: error: unknown KPI &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; more"
            ))
        #expect(!page.text.contains("<script>alert(1)"))
        // The last good page is still there, under the overlay.
        #expect(page.text.contains("<h1>Karmøy</h1>"))
        // Other files are served as they are.
        #expect(r.respond(method: "GET", path: "/theme/site.css").text == "body{}")
    }

    @Test func beforeAnyGoodBuildEveryRequestGetsTheErrors() {
        let problem = Diagnostic.error(
            "broken", at: SourceLocation(path: "Content/site.yml", line: 1, column: 1), code: .yamlSyntax)
        let failed = responder(errors: [problem], files: nil).respond(
            method: "GET", path: "/cities/karmoy/")
        #expect(failed.status == 500)
        #expect(failed.text.contains("Content/site.yml:1:1: error: broken"))
        #expect(failed.text.contains("live-reload.js"))
        #expect(responder(files: nil).respond(method: "GET", path: "/").status == 503)
    }

    @Test func theClientScriptIsServedAsJavaScript() {
        let response = responder().respond(method: "GET", path: LiveReload.scriptPath)
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "text/javascript; charset=utf-8")
        #expect(response.text.contains(LiveReload.pollPath))
        #expect(!response.text.contains("live-reload.js\" data-version"))
    }

    @Test func injectionWithoutABodyTagAppends() {
        let out = LiveReload.inject(into: Array("<p>hi</p>".utf8), version: "v9", errors: [])
        #expect(String(decoding: out, as: UTF8.self).hasPrefix("<p>hi</p><script src="))
        let upper = LiveReload.inject(into: Array("<BODY>x</BODY>".utf8), version: "v9", errors: [])
        #expect(String(decoding: upper, as: UTF8.self).hasSuffix("</script>\n</BODY>"))
    }

    @Test func hostsAreCheckedAndWrittenAsURLs() throws {
        #expect(try ListenAddress(host: "127.0.0.1").url(port: 1313) == "http://127.0.0.1:1313/")
        #expect(try ListenAddress(host: "localhost") == .ip4("127.0.0.1"))
        #expect(try ListenAddress(host: "::1").url(port: 8080) == "http://[::1]:8080/")
        #expect(try ListenAddress(host: "[::1]") == .ip6("::1"))
        for bad in ["example.org", "256.1.1.1", "1.2.3", "", "127.0.0.1:80", "::g"] {
            #expect(throws: ServeError.self, "\(bad)") { try ListenAddress(host: bad) }
        }
    }
}

@Suite("Serve: DNS rebinding")
struct ServeHostHeaderTests {
    @Test func loopbackAcceptsOnlyThisMachinesNames() throws {
        let address = try ListenAddress(host: "127.0.0.1")
        for host in ["127.0.0.1:1313", "localhost:1313", "LOCALHOST", "[::1]:1313", "127.0.0.1"] {
            #expect(address.accepts(hostHeader: host), "\(host)")
        }
        for host in ["evil.example:1313", "127.0.0.1.evil.example", "localhost.evil.example:80", "", "[::2]:1313"] {
            #expect(!address.accepts(hostHeader: host), "\(host)")
        }
        #expect(!address.accepts(hostHeader: nil))
    }

    @Test func otherInterfacesAcceptEveryHost() throws {
        #expect(try ListenAddress(host: "0.0.0.0").accepts(hostHeader: "city.example:1313"))
    }
}
