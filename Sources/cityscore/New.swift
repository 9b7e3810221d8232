import ArgumentParser
import CityscoreBuiltIn
import Foundation

/// `cityscore new DIR`: a new site with one example city that builds as it is.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new site with one example city.")

    @Argument(help: "The folder to create.")
    var directory: String

    @Option(
        name: .long,
        help: """
            The CI files to write: github (.github/workflows/scorecards.yml), gitlab (.gitlab-ci.yml), both \
            or none. They check every pull or merge request and publish the site from the default branch.
            """)
    var ci: CIKit = .both

    func run() throws {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isFolder) {
            let problem =
                !isFolder.boolValue
                ? "\(directory) is a file, not a folder; choose a name for the new site's folder"
                : ((try? fm.contentsOfDirectory(atPath: directory))?.isEmpty ?? false)
                    ? nil : "the folder \(directory) is not empty; choose a new or empty folder for the site"
            if let problem {
                Console.report([.error(problem, at: .init(path: directory, line: 0, column: 0), code: .newFolder)])
                throw ExitCode(1)
            }
        }
        // Content/assets/ is where images and PDFs go; an empty folder keeps its place in git.
        for (path, text) in Starter.files + ci.files + [("Content/assets/.gitkeep", "")] {
            let full = directory + "/" + path
            let folder = (full as NSString).deletingLastPathComponent
            do {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                Console.report([
                    .error(
                        "cannot create the folder \(folder): \(Self.reason(error)); check that the path is right and "
                            + "that you may write there",
                        at: .init(path: folder, line: 0, column: 0), code: .newFolder)
                ])
                throw ExitCode(1)
            }
            guard fm.createFile(atPath: full, contents: Data(text.utf8)) else {
                Console.report([
                    .error(
                        "cannot write the file \(full); check that you may write in \(folder)",
                        at: .init(path: full, line: 0, column: 0), code: .newFolder)
                ])
                throw ExitCode(1)
            }
        }
        Console.out("created a new site in \(directory); build it with: cityscore build --site \(directory)")
    }

    /// The system's reason for a file error, in its own words (`Not a directory`), not Foundation's
    /// error domain and code.
    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = (ns.userInfo[NSUnderlyingErrorKey] as? any Error).map({ $0 as NSError }),
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}

/// Which CI files `new` writes.
enum CIKit: String, CaseIterable, ExpressibleByArgument {
    case none, github, gitlab, both

    /// Where cityscore's source is; the CI files build cityscore from it at `CityscoreCommand.version`.
    static let source = "https://github.com/cityscore/cityscore.git"

    /// The CI files, with the version and source filled in, and a `.gitignore` for what CI writes.
    var files: [(String, String)] {
        var files = [(".gitignore", StarterResources.gitignore)]
        if self == .github || self == .both {
            files.append((".github/workflows/scorecards.yml", Self.filled(StarterResources.githubWorkflow)))
        }
        if self == .gitlab || self == .both { files.append((".gitlab-ci.yml", Self.filled(StarterResources.gitlabCI))) }
        return files
    }

    static func filled(_ template: String) -> String {
        template.replacingOccurrences(of: "{{cityscore_version}}", with: CityscoreCommand.version)
            .replacingOccurrences(of: "{{cityscore_source}}", with: source)
    }
}

/// The files of a new site.
enum Starter {
    static let files: [(String, String)] = [
        (
            "Content/site.yml",
            """
            title: My city scorecards
            description: Our city's evaluation against the U4SSC KPIs for Smart Sustainable Cities.
            baseURL: https://example.org/
            language: en
            theme: default

            """
        ),
        (
            "Content/cities/example-city.md",
            """
            ---
            name: Example City
            country: Norway
            population: 50000
            ---
            ## About this evaluation

            Write here what your city evaluated, when, and what it plans to do next.

            """
        ),
        (
            "Content/results/results.csv",
            """
            city,kpi,datapoint,year,value,unit,source,quality,verified
            example-city,EC: ICT: ICT: 1C,,2023,92.5,%,Example survey 2023,survey,no
            example-city,EC: ICT: ICT: 1C,,2024,95.1,%,Example survey 2024,survey,yes
            example-city,EC: ICT: ICT: 2C,,2024,48.0,%,Telecom regulator,measured,yes
            example-city,EN: EN: AQ: 1C,PM2.5,2024,6.1,µg/m³,Air quality network,measured,yes

            """
        ),
        (
            "Content/targets/targets.csv",
            """
            city,kpi,datapoint,target,note
            example-city,EC: ICT: ICT: 1C,,100,Our own goal for 2030
            example-city,EN: EN: AQ: 1C,PM2.5,5,WHO guideline value

            """
        ),
        (
            "Content/pages/about.md",
            """
            ---
            title: About
            weight: 1
            menu: true
            ---
            This site publishes our city's evaluation against the U4SSC key performance indicators.

            """
        ),
    ]
}
