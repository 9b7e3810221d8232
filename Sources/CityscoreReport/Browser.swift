import Foundation

/// The headless browser that prints the reports: Chromium or Google Chrome.
public struct Browser: Sendable, Hashable {
    /// The executable.
    public var path: String

    /// Creates a browser at `path`.
    public init(path: String) { self.path = path }

    /// The names looked for on `PATH`, in this order.
    public static let names = ["chromium", "chromium-browser", "google-chrome"]

    /// The exact command that installs one, for the message when none is found.
    public static let installCommand = "sudo apt-get install -y chromium"

    /// Why no browser can print, in plain words with the command that fixes it.
    public static func missingMessage(explicit: String?) -> String {
        if let explicit {
            return "the browser \"\(explicit)\" given to --browser is not an executable file; "
                + "give the path of chromium or google-chrome, or install Chromium: \(installCommand)"
        }
        return "printing the reports needs Chromium or Google Chrome, and none of "
            + names.joined(separator: ", ") + " is on PATH; install Chromium with: \(installCommand) "
            + "(on macOS: brew install --cask chromium), or give its path with --browser PATH"
    }

    /// The browser given (`--browser`), or the first of `names` found on `searchPath` (the `PATH`
    /// variable); nil when there is none.
    public static func find(explicit: String? = nil, searchPath: String? = ProcessInfo.processInfo.environment["PATH"])
        -> Browser?
    {
        let files = FileManager.default
        if let explicit {
            var isFolder: ObjCBool = false
            guard files.fileExists(atPath: explicit, isDirectory: &isFolder), !isFolder.boolValue,
                files.isExecutableFile(atPath: explicit)
            else { return nil }
            return Browser(path: explicit)
        }
        let folders = (searchPath ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        for name in names {
            for folder in folders {
                let candidate = folder + "/" + name
                var isFolder: ObjCBool = false
                if files.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
                    files.isExecutableFile(atPath: candidate)
                {
                    return Browser(path: candidate)
                }
            }
        }
        return nil
    }
}
