import CascadeCore

/// `cascade schema`: JSON Schemas (draft 2020-12) for plan files and `cascade.yaml`, written
/// from ``PlanFields``, the table the decoder takes its fields from, for editors that use the
/// YAML language server (completion, hover text, inline errors).
///
/// The schema accepts what the decoder accepts as YAML 1.2 reads it: editors read `2027` as a
/// number where libyaml gives the text "2027", so a cycle or an id may be a whole number.
public enum PlanSchema {
  public static let draft = "https://json-schema.org/draft/2020-12/schema"

  /// The schema of one plan document (one unit).
  public static func plan(_ language: Language) -> String {
    var w = JSONWriter()
    w.object { w in
      w.field("$schema", draft)
      w.field("$id", "urn:cascade:schema:plan:v1")
      w.field(
        "title",
        Message(en: "Cascade plan file: one unit per YAML document", zh: "Cascade 计划文件：每个 YAML 文档一个单元").text(
          language))
      mapping(PlanFields.unit, language, &w)
      // Every unit but the company names its parent (as the decoder reports).
      w.key("if")
      w.object { w in
        w.key("properties")
        w.object { w in
          w.key("level")
          w.object { w in
            w.key("not")
            w.object { w in w.field("const", Level.company.rawValue) }
          }
        }
        w.key("required")
        w.array(["level"]) { w, k in w.value(k) }
      }
      w.key("then")
      w.object { w in
        w.key("required")
        w.array(["parent"]) { w, k in w.value(k) }
      }
      definitions(&w)
    }
    return w.indentedOutput + "\n"
  }

  /// The schema of `cascade.yaml`.
  public static func configuration(_ language: Language) -> String {
    var w = JSONWriter()
    w.object { w in
      w.field("$schema", draft)
      w.field("$id", "urn:cascade:schema:configuration:v1")
      w.field(
        "title",
        Message(en: "Cascade plan settings (cascade.yaml)", zh: "Cascade 计划设置（cascade.yaml）").text(language))
      mapping(PlanFields.configuration, language, &w)
      definitions(&w)
    }
    return w.indentedOutput + "\n"
  }

  /// `type: object` with the fields as properties, the required ones required, nothing else.
  static func mapping(_ fields: [PlanField], _ language: Language, _ w: inout JSONWriter) {
    w.field("type", "object")
    w.key("properties")
    w.object { w in
      for f in fields {
        w.key(f.name)
        w.object { w in
          w.field("description", f.summary.text(language))
          // An optional field left empty (`owner:`, `baseline: ~`) reads as not given.
          if f.required {
            value(f.value, language, &w)
          } else {
            w.key("anyOf")
            w.array([false, true]) { w, empty in
              w.object { w in
                if empty { w.field("type", "null") } else { value(f.value, language, &w) }
              }
            }
          }
        }
      }
    }
    let required = fields.filter(\.required).map(\.name)
    if !required.isEmpty {
      w.key("required")
      w.array(required) { w, name in w.value(name) }
    }
    w.field("additionalProperties", false)
  }

  static func value(_ v: PlanField.Value, _ language: Language, _ w: inout JSONWriter) {
    switch v {
    case .text:
      w.key("type")
      w.array(["string", "number", "boolean"]) { w, t in w.value(t) }
    case .identifier: w.field("$ref", "#/$defs/identifier")
    case .number: w.field("$ref", "#/$defs/number")
    case .positiveNumber:
      w.key("anyOf")
      w.array([false, true]) { w, text in
        w.object { w in
          if text {
            w.field("$ref", "#/$defs/numberText")
          } else {
            w.field("type", "number")
            w.field("exclusiveMinimum", 0)
          }
        }
      }
    case .count:
      w.field("type", "integer")
      w.field("minimum", 1)
      w.field("maximum", 1_000_000)
    case .day: w.field("$ref", "#/$defs/day")
    case .choice(let names):
      w.key("enum")
      w.array(names) { w, n in w.value(n) }
    case .cycle: w.field("$ref", "#/$defs/cycle")
    case .references:
      w.key("anyOf")
      w.array([false, true]) { w, list in
        w.object { w in
          if list {
            w.field("type", "array")
            w.key("items")
            w.object { w in w.field("$ref", "#/$defs/reference") }
          } else {
            w.field("$ref", "#/$defs/reference")
          }
        }
      }
    case .list(let fields):
      w.field("type", "array")
      w.key("items")
      w.object { w in mapping(fields, language, &w) }
    case .mapping(let fields): mapping(fields, language, &w)
    case .ruleSettings:
      w.field("type", "object")
      w.key("properties")
      w.object { w in
        for rule in RuleRegistry.all {
          w.key(rule.description.id)
          w.object { w in
            w.field("description", rule.description.summary)
            // `false` reads as off too.
            let settings = PlanFields.ruleSettings
            w.key("enum")
            w.array(0...settings.count) { w, i in
              if i < settings.count { w.value(settings[i]) } else { w.value(false) }
            }
          }
        }
      }
      w.field("additionalProperties", false)
    }
  }

  static func definitions(_ w: inout JSONWriter) {
    let id = "[a-z0-9._-]{1,128}"
    w.key("$defs")
    w.object { w in
      w.key("identifier")
      w.object { w in
        w.key("anyOf")
        w.array([false, true]) { w, number in
          w.object { w in
            if number {
              w.field("type", "integer")
              w.field("minimum", 0)
            } else {
              w.field("type", "string")
              w.field("pattern", "^\(id)$")
            }
          }
        }
      }
      // A number, or one written with `_` between digits (`1_000`), which YAML 1.2 editors
      // read as text but Cascade reads as the number.
      w.key("number")
      w.object { w in
        w.key("anyOf")
        w.array([false, true]) { w, text in
          w.object { w in
            if text { w.field("$ref", "#/$defs/numberText") } else { w.field("type", "number") }
          }
        }
      }
      w.key("numberText")
      w.object { w in
        w.field("type", "string")
        w.field("pattern", "^[-+]?([0-9][0-9_]*(\\.[0-9_]*)?|\\.[0-9][0-9_]*)([eE][-+]?[0-9]+)?$")
      }
      w.key("reference")
      w.object { w in
        w.field("type", "string")
        w.field("pattern", "^\(id)/\(id)(/\(id))?$")
      }
      w.key("day")
      w.object { w in
        w.field("type", "string")
        w.field("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
      }
      w.key("cycle")
      w.object { w in
        w.key("anyOf")
        w.array(0..<3) { w, i in
          w.object { w in
            switch i {
            case 0:
              w.field("type", "string")
              w.field("pattern", "^(?!0000)[0-9]{4}(-([Hh][12]|[Qq][1-4]|0[1-9]|1[0-2]))?$")
            case 1:
              w.field("type", "integer")
              w.field("minimum", 1000)
              w.field("maximum", 9999)
            default:
              w.field("type", "object")
              w.key("properties")
              w.object { w in
                w.key("start")
                w.object { w in w.field("$ref", "#/$defs/day") }
                w.key("end")
                w.object { w in w.field("$ref", "#/$defs/day") }
              }
              w.key("required")
              w.array(["start", "end"]) { w, k in w.value(k) }
              w.field("additionalProperties", false)
            }
          }
        }
      }
    }
  }
}
