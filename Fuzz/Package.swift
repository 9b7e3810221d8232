// swift-tools-version:5.4
// libFuzzer targets for cityscore's readers, apart from the root package so that
// `-sanitize=fuzzer` never reaches the main build. Built and run by `.ci/quality/fuzz`:
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// Each executable's only source defines `LLVMFuzzerTestOneInput`; libFuzzer provides `main`.
// Tools version 5.4 on purpose: from 5.5 on, SwiftPM renames an executable's entry point to
// `<Module>_main` and links `--defsym main=<Module>_main`, a symbol that a `-parse-as-library` fuzz
// target does not have (ld: undefined symbol 'FuzzCSV_main'); before 5.5 it leaves `main` to libFuzzer.

import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which is whatever the clone is called.
let rootFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let kit = Target.Dependency.product(name: "CityscoreKit", package: rootFolder.lastPathComponent.lowercased())

let package = Package(
    name: "CityscoreFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        // Shared helpers (a tiny site on a RAM disk); not a fuzz target itself.
        .target(name: "FuzzSupport", dependencies: [kit]),
        // results/*.csv: CSVReader, then reading and validating a whole site with that file, then scoring.
        .executableTarget(name: "FuzzCSV", dependencies: [kit, "FuzzSupport"]),
        // A Markdown file's front matter: FrontMatter.split.
        .executableTarget(name: "FuzzFrontMatter", dependencies: [kit]),
        // Content/site.yml: YAMLFields.parse and its typed getters, then reading and validating a site with it.
        .executableTarget(name: "FuzzSiteYML", dependencies: [kit, "FuzzSupport"]),
        // A Markdown page: FrontMatter.split, then MarkdownRenderer (cmark, heading ids, link rewriting) in safe and
        // unsafe mode, then AnchorCheck; every heading id must hold only allowed characters.
        .executableTarget(name: "FuzzMarkdown", dependencies: [kit]),
        // A theme template: TemplateLibrary.compile (parser, standalone lines, partial links) and rendering.
        .executableTarget(name: "FuzzTemplates", dependencies: [kit]),
        // A sheet's XML inside an .xlsx (XLSXReader: shared and inline strings, styles, formulas, merges), and
        // any bytes as a whole .xlsx or .ods workbook.
        .executableTarget(name: "FuzzXLSX", dependencies: [kit]),
    ]
)
