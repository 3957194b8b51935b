/// The graph description a diagram is made of, before it becomes DOT: one cluster per unit
/// holding its objective nodes, free nodes (unresolved-link notes, the legend) and edges.
struct DiagramGraph {
  struct Node {
    var id: String
    var attributes: DOTBuffer.Attributes
  }

  struct Cluster {
    var id: String
    var attributes: DOTBuffer.Attributes
    var nodes: [Node]
    /// Node ids kept on one rank each (`rank=same` subgraphs), e.g. the rows of a grid.
    var rows: [[String]] = []
  }

  struct Edge {
    enum Kind: Equatable {
      case aligns, contributes, unresolved, unitTree
      /// Keeps child units below their parent; not drawn.
      case rank
    }
    var kind: Kind
    var tail: String
    var head: String
    var attributes: DOTBuffer.Attributes
  }

  var graphAttributes: DOTBuffer.Attributes = []
  var nodeDefaults: DOTBuffer.Attributes = []
  var edgeDefaults: DOTBuffer.Attributes = []
  var clusters: [Cluster] = []
  var nodes: [Node] = []
  var edges: [Edge] = []

  /// Node ids in use, so that duplicated ids in a broken plan still give distinct nodes.
  private var usedIDs = Set<String>()

  mutating func uniqueID(_ base: String) -> String {
    if usedIDs.insert(base).inserted { return base }
    var n = 2
    while !usedIDs.insert("\(base)#\(n)").inserted { n += 1 }
    return "\(base)#\(n)"
  }

  var nodeCount: Int { nodes.count + clusters.reduce(0) { $0 + $1.nodes.count } }
  /// Edges drawn (rank edges are invisible).
  var visibleEdgeCount: Int { edges.count { $0.kind != .rank } }

  func dot(name: String = "cascade") -> String {
    // About 2 KB per objective with its key results.
    var out = DOTBuffer(name: name, capacity: 16 * 1024 + nodeCount * 2048)
    out.defaults("graph", graphAttributes)
    out.defaults("node", nodeDefaults)
    out.defaults("edge", edgeDefaults)
    for cluster in clusters {
      out.beginSubgraph(cluster.id)
      out.attributes(cluster.attributes)
      for node in cluster.nodes { out.node(node.id, node.attributes) }
      for (r, row) in cluster.rows.enumerated() {
        // Not named "cluster…", which would make it a cluster of its own.
        out.beginSubgraph("row \(r + 1) of \(cluster.id)")
        out.attribute("rank", "same")
        for id in row { out.node(id, []) }
        out.endSubgraph()
      }
      out.endSubgraph()
    }
    for node in nodes { out.node(node.id, node.attributes) }
    for edge in edges { out.edge(edge.tail, edge.head, edge.attributes) }
    return out.finish()
  }
}
