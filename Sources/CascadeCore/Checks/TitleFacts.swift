import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// What the wording analysis says of one key result's title, worked out once per key result
/// (in parallel) and shared by kr-vague-wording, kr-no-target and kr-activity.
public struct TitleFacts: Sendable {
  public var quantity: Wording.Quantity?
  public var isActivity = false
  /// Only worked out for milestones, the one place it is used.
  public var isComparative = false

  public init(_ kr: KeyResult) {
    guard !kr.title.isEmpty else { return }
    quantity = Wording.quantity(in: kr.title)
    isActivity = Wording.isActivity(kr.title)
    if kr.kind == .milestone { isComparative = Wording.isComparative(kr.title) }
  }

  init() {}
}

/// Runs `body(i)` for every i in 0..<count, spread over the cores in chunks.
func parallelFor(_ count: Int, chunk: Int = 64, _ body: @Sendable (Int) -> Void) {
  guard count > chunk else {
    for i in 0..<count { body(i) }
    return
  }
  let tasks = (count + chunk - 1) / chunk
  DispatchQueue.concurrentPerform(iterations: tasks) { t in
    for i in (t * chunk)..<min(count, (t + 1) * chunk) { body(i) }
  }
}

/// A fixed-size buffer that parallel loops fill, each index written by exactly one iteration.
final class ParallelBuffer<Element>: @unchecked Sendable {
  let storage: UnsafeMutableBufferPointer<Element>

  init(count: Int, initial: Element) {
    storage = .allocate(capacity: count)
    storage.initialize(repeating: initial)
  }

  subscript(i: Int) -> Element {
    get { storage[i] }
    set { storage[i] = newValue }
  }

  var array: [Element] { Array(storage) }

  deinit {
    storage.deinitialize()
    storage.deallocate()
  }
}
