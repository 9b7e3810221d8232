// swift-tools-version: 6.1
// cityscore: city sustainability scorecards (U4SSC KPIs) as a static website.
//
// The pipeline, one module per stage:
//   Reading (files → typed values with positions) → Validation (all problems at once)
//   → Scoring → Rendering (Markdown, Charts, templates) → Writing (atomic swap)
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
                "Diagnostics", "Model", "Reading", "Validation", "Scoring", "Markdown", "Charts", "Templating",
                "Rendering", "Writing", "Pipeline", "Import",
            ]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        // The tests' reference for Sources/Templating (the theme's engine), not part of the binary.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // Only its FlyingSocks library (non-blocking sockets on epoll/kqueue): the preview reads and
        // checks HTTP requests itself (Sources/Serve/HTTPListener.swift).
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
        // `cityscore import`: the ZIP container of .xlsx and .ods workbooks (their XML is read with
        // Foundation's XMLParser).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The C library, touched only by Sources/Markdown/CmarkConverter.swift.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(name: "Diagnostics"),
        .target(name: "Model", dependencies: ["Diagnostics"]),
        .target(name: "BuiltIn", exclude: ["framework", "starter"]),
        .target(
            name: "Reading",
            dependencies: ["Diagnostics", "Model", "BuiltIn", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "Validation", dependencies: ["Diagnostics", "Model", "Reading"]),
        .target(name: "Scoring", dependencies: ["Model"]),
        .target(name: "Markdown", dependencies: ["CCmark", "Diagnostics", "Templating"]),
        .target(name: "Charts", dependencies: ["Model", "Scoring"]),
        // Mustache templates compiled once and rendered over typed values (the theme's engine).
        .target(name: "Templating", dependencies: ["Diagnostics"]),
        .target(
            name: "Rendering",
            dependencies: [
                "Diagnostics", "Model", "Reading", "Scoring", "Markdown", "Charts", "Templating",
            ]
        ),
        .target(name: "Writing"),
        .target(
            name: "Pipeline",
            dependencies: ["Diagnostics", "Model", "Reading", "Validation", "Scoring", "Rendering", "Writing"]
        ),
        // `cityscore import`: spreadsheets (.xlsx, .ods, Excel-style CSV) to tidy results rows.
        .target(
            name: "Import",
            dependencies: [
                "Diagnostics", "Model", "Reading", "Validation",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // `cityscore serve`: the preview server with live reload, apart so the pipeline never depends on it.
        .target(
            name: "Serve",
            dependencies: [
                "Pipeline", "Diagnostics", "Model", "Templating", .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "cityscore",
            dependencies: [
                "Pipeline", "Diagnostics", "Model", "Serve", "BuiltIn", "Import",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CityscoreTests",
            dependencies: [
                "Diagnostics", "Model", "Reading", "Validation", "Scoring", "Markdown", "Charts",
                "Rendering", "Writing", "Pipeline", "BuiltIn", "Serve", "Templating", "Import",
                .product(name: "Mustache", package: "swift-mustache"),
                // Only to check the alias scanner against the YAML parser itself.
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["__Snapshots__", "Fixtures"]
        ),
    ]
)
