// swift-tools-version: 6.1
// cityscore: city sustainability scorecards (U4SSC KPIs) as a static website.
//
// The pipeline, one module per stage:
//   Reading (files → typed values with positions) → Validation (all problems at once)
//   → Scoring → Routing (every page: kind, URL, template) → Rendering (Markdown, Charts, templates)
//   → Writing (atomic swap)
// Pipeline names the steps; the `cityscore` executable only parses arguments and drives it.

import PackageDescription

let package = Package(
    name: "cityscore",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cityscore", targets: ["cityscore"]),
        // The pipeline's stages as a library, for fuzzing (Fuzz/) and for embedding cityscore elsewhere.
        .library(
            name: "CityscoreKit",
            targets: [
                "CityscoreDiagnostics", "CityscoreModel", "CityscoreConcurrency", "CityscoreFormatting",
                "CityscoreReading", "CityscoreValidation", "CityscoreScoring", "CityscoreMarkdown",
                "CityscoreCharts", "CityscoreTemplating", "CityscoreRouting", "CityscoreRendering", "CityscoreWriting",
                "CityscorePipeline", "CityscoreImport", "CityscoreText", "CityscoreDiff", "CityscoreReport",
            ]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        // The tests' reference for Sources/CityscoreTemplating (the theme's engine), not part of the binary.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // Only its FlyingSocks library (non-blocking sockets on epoll/kqueue): the preview reads and
        // checks HTTP requests itself (Sources/CityscoreServe/HTTPListener.swift).
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
        // `cityscore import`: the ZIP container of .xlsx and .ods workbooks (their XML is read with
        // Foundation's XMLParser).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The C library, touched only by Sources/CityscoreMarkdown/CmarkConverter.swift.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // The one escaper per output language (HTML, XML, JSON), the one slugger, the one "trim spaces".
        .target(name: "CityscoreText"),
        .target(name: "CityscoreDiagnostics", dependencies: ["CityscoreText"]),
        .target(name: "CityscoreModel", dependencies: ["CityscoreDiagnostics", "CityscoreText"]),
        // Parallel work over a pool of threads and a lock around one value; no cityscore types.
        .target(name: "CityscoreConcurrency"),
        // The one number formatter every figure on a page, chart or report goes through.
        .target(name: "CityscoreFormatting", dependencies: ["CityscoreModel"]),
        .target(name: "CityscoreBuiltIn", exclude: ["framework", "starter"]),
        .target(
            name: "CityscoreReading",
            dependencies: [
                "CityscoreDiagnostics", "CityscoreModel", "CityscoreConcurrency", "CityscoreBuiltIn", "CityscoreText",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "CityscoreValidation",
            dependencies: [
                "CityscoreDiagnostics", "CityscoreModel", "CityscoreConcurrency", "CityscoreReading", "CityscoreText",
                "CityscoreBuiltIn", "CityscoreRouting",
            ]),
        .target(name: "CityscoreScoring", dependencies: ["CityscoreModel", "CityscoreConcurrency"]),
        // Every page the site will have (kind, URL, template, language, inputs), from the validated site.
        .target(name: "CityscoreRouting", dependencies: ["CityscoreModel", "CityscoreText"]),
        .target(name: "CityscoreMarkdown", dependencies: ["CCmark", "CityscoreDiagnostics", "CityscoreText"]),
        .target(
            name: "CityscoreCharts",
            dependencies: ["CityscoreModel", "CityscoreFormatting", "CityscoreScoring", "CityscoreText"]),
        // Mustache templates compiled once and rendered over typed values (the theme's engine).
        .target(name: "CityscoreTemplating", dependencies: ["CityscoreDiagnostics", "CityscoreText"]),
        .target(
            name: "CityscoreRendering",
            dependencies: [
                "CityscoreDiagnostics", "CityscoreModel", "CityscoreConcurrency", "CityscoreFormatting",
                "CityscoreReading", "CityscoreScoring", "CityscoreMarkdown", "CityscoreCharts",
                "CityscoreTemplating", "CityscoreRouting", "CityscoreText",
            ]
        ),
        .target(name: "CityscoreWriting"),
        .target(
            name: "CityscorePipeline",
            dependencies: [
                "CityscoreDiagnostics", "CityscoreModel", "CityscoreReading", "CityscoreValidation", "CityscoreScoring",
                "CityscoreRouting", "CityscoreRendering", "CityscoreWriting",
            ]
        ),
        // `cityscore import`: spreadsheets (.xlsx, .ods, Excel-style CSV) to tidy results rows.
        .target(
            name: "CityscoreImport",
            dependencies: [
                "CityscoreDiagnostics", "CityscoreModel", "CityscoreReading", "CityscoreValidation", "CityscoreText",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // `cityscore diff`: what changed between two versions of a site (values and bands).
        .target(
            name: "CityscoreDiff",
            dependencies: [
                "CityscoreDiagnostics", "CityscoreModel", "CityscoreReading", "CityscoreValidation", "CityscoreScoring",
                "CityscoreText",
            ]
        ),
        // `cityscore serve`: the preview server with live reload, apart so the pipeline never depends on it.
        .target(
            name: "CityscoreServe",
            dependencies: [
                "CityscorePipeline", "CityscoreDiagnostics", "CityscoreModel", "CityscoreConcurrency",
                "CityscoreText", .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        // `cityscore report` and `report_pdf: true`: the report pages printed to PDF with a headless browser.
        .target(name: "CityscoreReport", dependencies: ["CityscoreConcurrency"]),
        .executableTarget(
            name: "cityscore",
            dependencies: [
                "CityscorePipeline", "CityscoreDiagnostics", "CityscoreModel", "CityscoreConcurrency",
                "CityscoreFormatting", "CityscoreServe", "CityscoreBuiltIn", "CityscoreImport", "CityscoreDiff",
                "CityscoreReport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CityscoreTests",
            dependencies: [
                "CityscoreDiagnostics", "CityscoreModel", "CityscoreConcurrency", "CityscoreFormatting",
                "CityscoreReading", "CityscoreValidation", "CityscoreScoring", "CityscoreMarkdown",
                "CityscoreCharts", "CityscoreRendering", "CityscoreWriting", "CityscorePipeline", "CityscoreBuiltIn",
                "CityscoreServe", "CityscoreTemplating", "CityscoreImport", "CityscoreText", "CityscoreRouting",
                "CityscoreDiff", "CityscoreReport",
                .product(name: "Mustache", package: "swift-mustache"),
                // Only to check the alias scanner against the YAML parser itself.
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["__Snapshots__", "Fixtures"]
        ),
    ]
)
