import Dispatch

/// `body(i)` for every i in `0..<count`, spread over the cores in chunks of `chunk` indices
/// (default: about 16 chunks, at most 64 indices each); the results in index order. One chunk
/// or less runs on the calling thread.
public func parallelMap<T: Sendable>(_ count: Int, chunk: Int? = nil, _ body: @Sendable (Int) -> T) -> [T] {
  guard count > 0 else { return [] }
  let size = max(1, chunk ?? min(64, count / 16))
  guard count > size else { return (0..<count).map(body) }
  let tasks = (count + size - 1) / size
  // Written in place, each element by exactly one iteration, all of them before the array is
  // made: one buffer (moving results out of a buffer of their own held two at once).
  return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
    let slots = Slots(base: buffer.baseAddress)
    DispatchQueue.concurrentPerform(iterations: tasks) { t in
      guard let base = slots.base else { return }  // never nil: count > 0
      for i in (t * size)..<min(count, (t + 1) * size) { (base + i).initialize(to: body(i)) }
    }
    initialized = slots.base == nil ? 0 : count
  }
}

/// The storage ``parallelMap(_:chunk:_:)`` writes into from every core: no two iterations
/// touch the same element.
private struct Slots<T>: @unchecked Sendable {
  let base: UnsafeMutablePointer<T>?
}
