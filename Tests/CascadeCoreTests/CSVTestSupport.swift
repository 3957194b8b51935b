import CascadeTestSupport
import Foundation

@testable import CascadeCore

/// A fresh empty directory; remove it with `removeDirectory`.
func makeTemporaryDirectory() throws -> String {
  let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("csvkit-tests-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

func removeDirectory(_ path: String) {
  try? FileManager.default.removeItem(atPath: path)
}

func readFile(_ path: String) -> String? {
  FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

func writeFile(_ path: String, _ text: String) throws {
  try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

/// Parses and returns every record including the header, as plain field arrays.
func allRows(_ text: String) -> [[String]] {
  let (table, _) = CSV.parse(text)
  guard let table else { return [] }
  return [table.header] + table.records.map(\.fields)
}
