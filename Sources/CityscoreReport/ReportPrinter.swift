import CityscoreConcurrency
import Foundation

/// One report to print: its page in a written site and the PDF to write.
public struct ReportJob: Sendable, Hashable {
    /// The report page, an `index.html` of the written site.
    public var page: String
    /// The PDF to write.
    public var pdf: String
    /// The city's slug, or `programme`.
    public var name: String

    /// Creates a job.
    public init(page: String, pdf: String, name: String) {
        self.page = page
        self.pdf = pdf
        self.name = name
    }
}

/// A report that could not be printed, and why, in plain words.
public struct ReportFailure: Error, Sendable, CustomStringConvertible {
    /// The PDF that was not written.
    public var pdf: String
    /// What went wrong.
    public var message: String
    public var description: String { message }
}

/// Prints the report pages of a written site to PDF with a headless browser, two passes each: the
/// first finds the page of every heading the table of contents links to (the PDF's named
/// destinations), the second prints the page with those numbers filled in. Reports are printed in
/// parallel, one browser per core.
public struct ReportPrinter: Sendable {
    /// The browser.
    public var browser: Browser
    /// Seconds one print may take before it is given up.
    public var timeout: Double = 180

    /// Creates a printer.
    public init(browser: Browser) { self.browser = browser }

    /// The reports of the site written at `site` in the language whose pages are in the folder
    /// `language` (`nb/`; empty for the default language): `<output>/<slug>.pdf` for every city
    /// report (only `cities` when it is not empty) and `<output>/programme.pdf`, cities sorted by slug.
    public static func jobs(site: String, output: String, cities: [String] = [], language: String = "") -> [ReportJob] {
        let files = FileManager.default
        let pages = site + "/" + language
        let slugs = ((try? files.contentsOfDirectory(atPath: pages + "cities")) ?? []).sorted()
        var jobs: [ReportJob] = []
        for slug in slugs where cities.isEmpty || cities.contains(slug) {
            let page = pages + "cities/" + slug + "/report/index.html"
            if files.fileExists(atPath: page) {
                jobs.append(ReportJob(page: page, pdf: output + "/" + slug + ".pdf", name: slug))
            }
        }
        let programme = pages + "report/index.html"
        if cities.isEmpty, files.fileExists(atPath: programme) {
            jobs.append(ReportJob(page: programme, pdf: output + "/programme.pdf", name: "programme"))
        }
        return jobs
    }

    /// Prints every job; `progress` hears how many are done of how many after each. Returns the
    /// reports that failed (none when every PDF was written).
    public func print(_ jobs: [ReportJob], progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil)
        -> [ReportFailure]
    {
        let failures = Locked<[ReportFailure]>([])
        let done = Locked(0)
        Parallel.forEach(jobs) { job in
            do throws(ReportFailure) {
                try printOne(job)
            } catch {
                failures.withLock { $0.append(error) }
            }
            let count = done.withLock { count -> Int in
                count += 1
                return count
            }
            progress?(count, jobs.count)
        }
        return failures.current.sorted { $0.pdf < $1.pdf }
    }

    /// Prints one report in two passes (one when it has no table of contents).
    public func printOne(_ job: ReportJob) throws(ReportFailure) {
        let files = FileManager.default
        let work = NSTemporaryDirectory() + "/cityscore-print-" + UUID().uuidString
        do {
            try files.createDirectory(atPath: work, withIntermediateDirectories: true)
            try files.createDirectory(
                atPath: (job.pdf as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            throw ReportFailure(
                pdf: job.pdf, message: "\(job.pdf): cannot make its folder: \(error.localizedDescription)")
        }
        defer { try? files.removeItem(atPath: work) }
        let first = work + "/first.pdf"
        try run(page: job.page, pdf: first, profile: work + "/profile-1", job: job)
        let pages = PDFDestinations.pages(in: Array((try? Data(contentsOf: URL(fileURLWithPath: first))) ?? Data()))
        guard let html = try? String(contentsOfFile: job.page, encoding: .utf8) else {
            throw ReportFailure(pdf: job.pdf, message: "\(job.page): cannot read the report page")
        }
        let filled = Self.fillContents(html, pages: pages)
        if filled == html {
            _ = try? files.removeItem(atPath: job.pdf)
            do { try files.moveItem(atPath: first, toPath: job.pdf) } catch {
                throw ReportFailure(
                    pdf: job.pdf, message: "\(job.pdf): cannot be written: \(error.localizedDescription)")
            }
            return
        }
        // Beside the page, so that its relative links (stylesheets) hold.
        let numbered = (job.page as NSString).deletingLastPathComponent + "/.print-" + UUID().uuidString + ".html"
        do { try filled.write(toFile: numbered, atomically: true, encoding: .utf8) } catch {
            throw ReportFailure(pdf: job.pdf, message: "\(numbered): cannot be written: \(error.localizedDescription)")
        }
        defer { try? files.removeItem(atPath: numbered) }
        try run(page: numbered, pdf: job.pdf, profile: work + "/profile-2", job: job)
    }

    /// `html` with the page number of every entry of its table of contents
    /// (`<span class="toc-page" data-toc="ID"></span>`) filled in from `pages`.
    public static func fillContents(_ html: String, pages: [String: Int]) -> String {
        let open = "<span class=\"toc-page\" data-toc=\""
        var out = ""
        var rest = html[...]
        while let start = rest.range(of: open) {
            out += rest[..<start.upperBound]
            rest = rest[start.upperBound...]
            guard let quote = rest.firstIndex(of: "\"") else { break }
            let id = String(rest[..<quote])
            let tail = "\">"
            out += rest[..<quote]
            rest = rest[quote...]
            if rest.hasPrefix(tail + "</span>"), let page = pages[id] {
                out += tail + String(page)
                rest = rest.dropFirst(tail.count)
            }
        }
        return out + rest
    }

    /// Whether `pdf` is a whole PDF file: it ends with `%%EOF` (Chromium writes it at once).
    static func isComplete(_ pdf: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: pdf) else { return false }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size > 16 else { return false }
        try? handle.seek(toOffset: size - 8)
        let tail = String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
        return tail.contains("%%EOF")
    }

    /// Ends the browser this printer started: asked to leave, then made to after 5 seconds.
    func stop(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        let asked = Date()
        while process.isRunning && Date().timeIntervalSince(asked) < 5 { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The arguments of one print.
    func arguments(page: String, pdf: String, profile: String) -> [String] {
        var arguments = [
            "--headless=new", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--hide-scrollbars", "--user-data-dir=" + profile, "--no-pdf-header-footer",
            "--generate-pdf-document-outline", "--print-to-pdf=" + pdf,
        ]
        // Chromium's sandbox does not run for root (containers, CI); the pages are cityscore's own.
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 1) }
        arguments.append(URL(fileURLWithPath: page).absoluteString)
        return arguments
    }

    /// Prints `page` to `pdf`. The browser is stopped as soon as it says the file is written:
    /// headless Chromium may linger for seconds after it (looking for a desktop bus that is not there).
    func run(page: String, pdf: String, profile: String, job: ReportJob) throws(ReportFailure) {
        try? FileManager.default.removeItem(atPath: pdf)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser.path)
        process.arguments = arguments(page: page, pdf: pdf, profile: profile)
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let said = Locked(Data())
        err.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            said.withLock { $0.append(data) }
        }
        do { try process.run() } catch {
            throw ReportFailure(
                pdf: job.pdf, message: "\(browser.path): cannot be started: \(error.localizedDescription)")
        }
        let start = Date()
        while process.isRunning {
            if Self.isComplete(pdf) || String(decoding: said.current, as: UTF8.self).contains("bytes written to file") {
                // The file is complete; give the browser a moment to leave by itself.
                let grace = Date()
                while process.isRunning && Date().timeIntervalSince(grace) < 0.5 { usleep(20_000) }
                stop(process)
                break
            }
            if Date().timeIntervalSince(start) > timeout {
                stop(process)
                err.fileHandleForReading.readabilityHandler = nil
                throw ReportFailure(
                    pdf: job.pdf, message: "\(job.page): the browser took more than \(Int(timeout)) s to print it")
            }
            usleep(50_000)
        }
        process.waitUntilExit()
        err.fileHandleForReading.readabilityHandler = nil
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: pdf))) ?? Data()
        guard bytes.starts(with: Array("%PDF".utf8)) else {
            let lastWords = String(decoding: said.current, as: UTF8.self).split(separator: "\n")
                .filter { !$0.contains("dbus") && !$0.contains("Fontconfig") }.suffix(3).joined(separator: " / ")
            throw ReportFailure(
                pdf: job.pdf,
                message: "\(job.page): the browser wrote no PDF (exit status \(process.terminationStatus))"
                    + (lastWords.isEmpty ? "" : ": \(lastWords)"))
        }
    }
}
