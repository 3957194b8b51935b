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
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CYAML", path: "Sources/CYAML", pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]),
    // The operating system's side, knowing nothing of plans: the write loop, atomic file output,
    // the locked check-in append, resident memory, the parallel map.
    .target(name: "CascadeSystem"),
    .target(name: "CascadeCore", dependencies: ["CYAML", "CascadeSystem"]),
    // Every formatter and the message catalogue (English, Chinese); styling through a protocol.
    .target(name: "CascadeReport", dependencies: ["CascadeCore", "CascadeSystem"]),
    .target(name: "CascadeGenerate", dependencies: ["CascadeCore", "CascadeSystem"]),
    .executableTarget(
      name: "cascade-bench",
      dependencies: ["CYAML", "CascadeCore", "CascadeReport", "CascadeGenerate", "CascadeSystem"]),
    .systemLibrary(
      name: "CGraphviz", path: "Sources/CGraphviz", pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"])]),
    .target(name: "Graphviz", dependencies: ["CGraphviz"]),
    // Graphviz in worker processes, over (page, DOT) jobs: libgvc is not thread-safe.
    .target(name: "WorkerPool", dependencies: ["Graphviz", "CascadeSystem"]),
    .target(
      name: "CascadeDiagram", dependencies: ["CascadeCore", "CascadeReport", "Graphviz", "WorkerPool", "CascadeSystem"]),
    // The meeting page: routes, live reload, the static site writer and the browser assets.
    .target(
      name: "CascadeServe",
      dependencies: [
        "CascadeCore", "CascadeReport", "CascadeDiagram", "Graphviz", "CascadeSystem",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      resources: [.embedInCode("Assets/app.js"), .embedInCode("Assets/app.css")]),
    // The fuzz harness (hostile input in, promises checked) and its libFuzzer entry point (.ci/fuzz).
    .target(name: "CascadeFuzz", dependencies: ["CascadeCore", "CascadeReport", "CascadeDiagram", "Graphviz"]),
    .executableTarget(name: "cascade-fuzz", dependencies: ["CascadeFuzz"]),
    // Test support: measures Graphviz's memory in a process of its own (see MemoryTests).
    .executableTarget(name: "graphviz-memory-probe", dependencies: ["Graphviz", "CascadeSystem"]),
    .executableTarget(
      name: "cascade",
      dependencies: [
        "CascadeCore", "CascadeReport", "CascadeDiagram", "CascadeGenerate", "CascadeServe", "Graphviz", "WorkerPool",
        "CascadeSystem",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // Shared by the test targets: temporary plans, linting a YAML string, the repository root.
    .target(name: "CascadeTestSupport", dependencies: ["CascadeCore"], path: "Tests/CascadeTestSupport"),
    .testTarget(name: "CascadeSystemTests", dependencies: ["CascadeSystem"]),
    .testTarget(
      name: "CascadeCoreTests", dependencies: ["CascadeCore", "CascadeSystem", "CascadeTestSupport", "CascadeGenerate"]),
    .testTarget(
      name: "CascadeServeTests",
      dependencies: [
        "CascadeServe", "CascadeCore", "CascadeTestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ]),
    .testTarget(name: "CascadeReportTests", dependencies: ["CascadeReport", "CascadeCore", "CascadeTestSupport"]),
    .testTarget(name: "GraphvizTests", dependencies: ["Graphviz"]),
    .testTarget(
      name: "CascadeDiagramTests", dependencies: ["CascadeDiagram", "CascadeCore", "CascadeGenerate", "Graphviz"],
      exclude: ["Snapshots"]),
    .testTarget(name: "CascadeGenerateTests", dependencies: ["CascadeGenerate", "CascadeCore", "CascadeTestSupport"]),
    .testTarget(name: "CascadeCLITests", dependencies: ["CascadeCore", "CascadeFuzz"]),
    .testTarget(name: "CascadeFuzzTests", dependencies: ["CascadeFuzz"], exclude: ["regressions", "dictionaries"]),
  ]
)
