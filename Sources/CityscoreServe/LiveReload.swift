import CityscoreDiagnostics
import CityscoreText
import Foundation

/// The live-reload client: a small script, served by the preview server itself, that long-polls for
/// a new build and reloads the page. It is added to HTML responses only, and only when serving.
public enum LiveReload {
    /// Where the script is served.
    public static let scriptPath = "/__cityscore/live-reload.js"
    /// The long-poll endpoint: `?since=<version>` answers `{"version": "…"}` once the version differs
    /// from `since` (or after a while, with the same version, and the script asks again).
    public static let pollPath = "/__cityscore/reload"

    /// The client. It reads the version of the page from its own tag, asks until it changes, then
    /// reloads; when the server is gone it retries every second.
    public static let script = """
        (function () {
          "use strict";
          var tag = document.currentScript;
          var version = tag && tag.getAttribute("data-version");
          if (!version) { return; }
          function poll(delay) {
            setTimeout(function () {
              fetch("\(pollPath)?since=" + encodeURIComponent(version), { cache: "no-store" })
                .then(function (response) {
                  if (!response.ok) { throw new Error("status " + response.status); }
                  return response.json();
                })
                .then(function (body) {
                  if (body.version !== version) { location.reload(); } else { poll(0); }
                })
                .catch(function () { poll(1000); });
            }, delay);
          }
          poll(0);
        })();

        """

    /// The tag that loads the client for a page of `version`.
    public static func tag(version: String) -> String {
        "<script src=\"\(scriptPath)\" data-version=\"\(HTMLEscaping.escape(version))\"></script>"
    }

    /// `html` with the client (and, when the latest build failed, the error overlay) added before
    /// `</body>`, or at the end when there is none. `overSite`: the page is a page of the last good
    /// build (not the empty page served before any build worked).
    public static func inject(
        into html: [UInt8], version: String, errors: [Diagnostic], overSite: Bool = true
    ) -> [UInt8] {
        var addition = ""
        if !errors.isEmpty { addition += ErrorOverlay.html(errors, overSite: overSite) + "\n" }
        addition += tag(version: version) + "\n"
        let text = String(decoding: html, as: UTF8.self)
        guard let close = text.range(of: "</body>", options: [.caseInsensitive, .backwards]) else {
            return html + Array(addition.utf8)
        }
        var out = text
        out.insert(contentsOf: addition, at: close.lowerBound)
        return Array(out.utf8)
    }
}
