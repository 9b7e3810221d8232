/// The `Content-Type` of a served file, from its extension.
public enum ContentTypes {
    /// Types by lowercased extension; text types carry `charset=utf-8`.
    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json",
        "csv": "text/csv; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "pdf": "application/pdf",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "map": "application/json",
    ]

    /// What is sent for an unknown extension: the browser downloads it rather than guessing.
    public static let fallback = "application/octet-stream"

    /// The type of the file at `path` (`cities/karmoy/index.html` → `text/html; charset=utf-8`).
    public static func type(forPath path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return fallback }
        let ext = name[name.index(after: dot)...].lowercased()
        return byExtension[ext] ?? fallback
    }

    /// Whether the file at `path` is an HTML page (the only kind that gets the live-reload script).
    public static func isHTML(_ path: String) -> Bool {
        type(forPath: path).hasPrefix("text/html")
    }
}
