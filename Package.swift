// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Cascade",
  products: [
    .executable(name: "cascade", targets: ["cascade"]),
    .library(name: "CascadeCore", targets: ["CascadeCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
  ],
  targets: [
    .systemLibrary(
      name: "CYAML", path: "Sources/CYAML", pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]),
    .target(name: "CascadeCore", dependencies: ["CYAML"]),
    // Every formatter and the message catalogue (English, Chinese); styling through a protocol.
    .target(name: "CascadeReport", dependencies: ["CascadeCore"]),
    .target(name: "CascadeGenerate", dependencies: ["CascadeCore"]),
    .executableTarget(
      name: "cascade-bench", dependencies: ["CYAML", "CascadeCore", "CascadeReport", "CascadeGenerate"]),
    .systemLibrary(
      name: "CGraphviz", path: "Sources/CGraphviz", pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"])]),
    .target(name: "Graphviz", dependencies: ["CGraphviz"]),
    .target(name: "CascadeDiagram", dependencies: ["CascadeCore", "CascadeReport", "Graphviz"]),
    // The meeting page: routes, live reload, the static site writer and the browser assets.
    .target(
      name: "CascadeServe",
      dependencies: [
        "CascadeCore", "CascadeReport", "CascadeDiagram", "Graphviz",
        .product(name: "Hummingbird", package: "hummingbird"),
      ],
      resources: [.embedInCode("Assets/app.js"), .embedInCode("Assets/app.css")]),
    // The fuzz harness (hostile input in, promises checked) and its libFuzzer entry point (.ci/fuzz).
    .target(name: "CascadeFuzz", dependencies: ["CascadeCore", "CascadeReport", "CascadeDiagram", "Graphviz"]),
    .executableTarget(name: "cascade-fuzz", dependencies: ["CascadeFuzz"]),
    // Test support: measures Graphviz's memory in a process of its own (see MemoryTests).
    .executableTarget(name: "graphviz-memory-probe", dependencies: ["Graphviz"]),
    .executableTarget(
      name: "cascade",
      dependencies: [
        "CascadeCore", "CascadeReport", "CascadeDiagram", "CascadeGenerate", "CascadeServe", "Graphviz",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // Shared by the test targets: temporary plans, linting a YAML string, the repository root.
    .target(name: "CascadeTestSupport", dependencies: ["CascadeCore"], path: "Tests/CascadeTestSupport"),
    .testTarget(name: "CascadeCoreTests", dependencies: ["CascadeCore", "CascadeTestSupport"]),
    .testTarget(
      name: "CascadeServeTests",
      dependencies: [
        "CascadeServe", "CascadeCore", "CascadeTestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]),
    .testTarget(name: "CascadeReportTests", dependencies: ["CascadeReport", "CascadeCore", "CascadeTestSupport"]),
    .testTarget(name: "GraphvizTests", dependencies: ["Graphviz"]),
    .testTarget(
      name: "CascadeDiagramTests", dependencies: ["CascadeDiagram", "CascadeCore", "CascadeGenerate", "Graphviz"],
      exclude: ["Snapshots"]),
    .testTarget(name: "CascadeGenerateTests", dependencies: ["CascadeGenerate", "CascadeCore"]),
    .testTarget(name: "CascadeCLITests", dependencies: ["CascadeCore", "CascadeFuzz"]),
    .testTarget(name: "CascadeFuzzTests", dependencies: ["CascadeFuzz"], exclude: ["regressions", "dictionaries"]),
  ]
)
