/// Answers requests for files of the site from a snapshot in memory: folders from their
/// `index.html`, folders without their slash by a redirect, everything else that is not a file of the
/// site with the site's `404.html`. HTML responses get the live-reload client and, while the latest
/// build has errors, the error overlay.
public struct SiteResponder: Sendable {
    /// What is served.
    public var snapshot: SiteSnapshot

    /// Creates a responder for `snapshot`.
    public init(snapshot: SiteSnapshot) { self.snapshot = snapshot }

    /// The response to `method` for the raw (percent-encoded) `path` and `query` of a request line.
    public func respond(method: String, path rawPath: String, query: String = "") -> PreviewResponse {
        let head = method == "HEAD"
        guard method == "GET" || head else {
            return finish(
                PreviewResponse(
                    status: 405,
                    headers: ["Allow": "GET, HEAD", "Content-Type": "text/plain; charset=utf-8"],
                    body: Array("method not allowed\n".utf8)), head: false)
        }
        if rawPath == LiveReload.scriptPath {
            return finish(
                file(LiveReload.scriptPath, Array(LiveReload.script.utf8), status: 200), head: head)
        }
        guard let files = snapshot.files else {
            // No build has worked yet: 503 while the first one runs, 500 once it failed.
            let status = snapshot.errors.isEmpty ? 503 : 500
            return finish(html(Array(ErrorOverlay.emptyPage.utf8), status: status), head: head)
        }
        switch RequestPath(rawPath: rawPath) {
        case .refused:
            return finish(notFound(files), head: head)
        case .folder(let folder):
            guard let bytes = files[folder + "index.html"] else {
                return finish(notFound(files), head: head)
            }
            return finish(file(folder + "index.html", bytes, status: 200), head: head)
        case .file(let path):
            if let bytes = files[path] { return finish(file(path, bytes, status: 200), head: head) }
            if files[path + "/index.html"] != nil {
                let location = rawPath + "/" + (query.isEmpty ? "" : "?" + query)
                return finish(
                    PreviewResponse(
                        status: 302,
                        headers: ["Location": location, "Content-Type": "text/plain; charset=utf-8"],
                        body: Array("see \(location)\n".utf8)), head: head)
            }
            return finish(notFound(files), head: head)
        }
    }

    /// The site's own `404.html` with status 404, or a plain page when the site has none.
    func notFound(_ files: [String: [UInt8]]) -> PreviewResponse {
        let page =
            files["404.html"]
            ?? Array("<!DOCTYPE html>\n<title>Not found</title>\n<h1>Not found</h1>\n".utf8)
        return html(page, status: 404)
    }

    /// A file of the site with its content type; HTML gets the client and the overlay.
    func file(_ path: String, _ bytes: [UInt8], status: Int) -> PreviewResponse {
        if ContentTypes.isHTML(path) { return html(bytes, status: status) }
        return PreviewResponse(
            status: status, headers: ["Content-Type": ContentTypes.type(forPath: path)], body: bytes)
    }

    func html(_ bytes: [UInt8], status: Int) -> PreviewResponse {
        PreviewResponse(
            status: status, headers: ["Content-Type": ContentTypes.type(forPath: "index.html")],
            body: LiveReload.inject(
                into: bytes, version: snapshot.version, errors: snapshot.errors,
                overSite: snapshot.files != nil))
    }

    /// Headers every response carries; `HEAD` drops the body but keeps its length.
    func finish(_ response: PreviewResponse, head: Bool) -> PreviewResponse {
        var response = response
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Content-Length"] = String(response.body.count)
        if head { response.body = [] }
        return response
    }
}
