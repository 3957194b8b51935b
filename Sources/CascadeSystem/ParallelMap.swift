import Dispatch

/// `body(i)` for every i in `0..<count`, spread over the cores in chunks of `chunk` indices
/// (default: about 16 chunks, at most 64 indices each); the results in index order. One chunk
/// or less runs on the calling thread.
public func parallelMap<T: Sendable>(_ count: Int, chunk: Int? = nil, _ body: @Sendable (Int) -> T) -> [T] {
  guard count > 0 else { return [] }
  let size = max(1, chunk ?? min(64, count / 16))
  guard count > size else { return (0..<count).map(body) }
  let results = ResultSlots<T>(count: count)
  let tasks = (count + size - 1) / size
  DispatchQueue.concurrentPerform(iterations: tasks) { t in
    for i in (t * size)..<min(count, (t + 1) * size) { results.set(i, body(i)) }
  }
  return results.take()
}

/// The results of ``parallelMap(_:chunk:_:)``: each slot is initialised by exactly one
/// iteration, and all of them before `take`, so no two threads ever touch the same memory.
private final class ResultSlots<T>: @unchecked Sendable {
  private let storage: UnsafeMutableBufferPointer<T>

  init(count: Int) { storage = .allocate(capacity: count) }

  func set(_ i: Int, _ value: T) {
    guard let base = storage.baseAddress else { return }  // never nil: count > 0
    (base + i).initialize(to: value)
  }

  /// Moves the (fully initialised) results out; called once.
  func take() -> [T] {
    Array(unsafeUninitializedCapacity: storage.count) { buffer, initialized in
      _ = buffer.moveInitialize(fromContentsOf: storage)
      initialized = storage.count
    }
  }

  deinit { storage.deallocate() }
}
