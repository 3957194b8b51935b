// Renders one graph thousands of times (and fails thousands of times) in a process of its own
// and prints its resident memory before and after, so GraphvizTests can prove that graphs,
// layouts and render buffers are freed. Measured here rather than inside the test process,
// whose memory moves with every other test running in parallel.
import CascadeSystem
import Graphviz

func residentBytes() -> Int { ResidentMemory.bytes() ?? -1 }

var writer = Graphviz.DOTBuffer()
writer.defaults("node", [("shape", "box")])
for index in 0..<24 {
  writer.node("n\(index)", [("label", .text("Key result \(index)\nwith two lines"))])
  if index > 0 { writer.edge("n\((index - 1) / 2)", "n\(index)", [("label", "e\(index)")]) }
}
let graph = writer.finish()
let renders = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 2_000 : 2_000
let freeing: Graphviz.Freeing = CommandLine.arguments.contains("background") ? .inBackground : .now

func renderOnce(_ index: Int) -> Bool {
  // cairo/pango (pdf, png) and core (svg) paths; PNG rasterising is slow, so every 25th only.
  let format: Graphviz.Format = index % 25 == 0 ? .png : index % 2 == 0 ? .svg : .pdf
  return ((try? Graphviz.render(dot: graph, format: format, freeing: freeing))?.count ?? 0) > 100
}

var failures = 0
for index in 0..<150 where !renderOnce(index) { failures += 1 }  // warm font and plugin caches
let before = residentBytes()
for index in 0..<renders where !renderOnce(index) { failures += 1 }
for _ in 0..<(renders / 7) {
  // The error paths must free too.
  if (try? Graphviz.render(dot: "digraph { layout=nosuch; a -> b }", format: .svg)) != nil { failures += 1 }
  if (try? Graphviz.render(dot: "digraph { a -> ; }", format: .svg)) != nil { failures += 1 }
}
Graphviz.waitForBackgroundFreeing()
let after = residentBytes()
print("before \(before) after \(after) failures \(failures)")
