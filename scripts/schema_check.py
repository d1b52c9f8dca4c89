#!/usr/bin/env python3
"""Validate YAML or JSON files against one of the JSON Schemas in schemas/.

Usage:
    python3 scripts/schema_check.py SCHEMA FILE...

Files ending in .json are read as JSON, every other file as YAML. For each
file one line is printed on stdout:

    ok <file>
    invalid <file>: <json-pointer>: <message>      (one line per error)

The JSON pointer is RFC 6901 (the empty string is the document root). For
YAML files the message ends with "(line L, column C)", 1-based.

Exit status: 0 every file is valid, 1 at least one file is invalid,
2 usage error, unreadable schema or file, or a missing Python module
(`jsonschema`, `referencing`, `yaml`: "missing-dependency: ..." on stderr).

YAML is read with the YAML 1.2 core schema, not PyYAML's YAML 1.1 default,
which is how the region compiler and yaml-language-server read it:
  * booleans are only true/false/True/False/TRUE/FALSE (yes/no/on/off and
    y/n are strings: `region: NO` is "NO");
  * no timestamps: `2026-03-01` and `2026-03-01T00:00:00+08:00` are strings;
  * no sexagesimal numbers: `17:00` is the string "17:00";
  * null is null/Null/NULL/~/empty;
  * integers are decimal ([-+]?[0-9]+), 0o octal or 0x hex. Stricter than
    YAML 1.2: a decimal with a leading zero (`025`) is left a string so the
    schema rejects it where a number is expected, as the compiler does;
  * no merge keys (`<<` is an ordinary key) and no language-specific tags.
Integer keys (the years of a calendar) are read as their text; duplicate keys
and other non-string keys are errors. Aliases are allowed but the
expanded document is bounded in size.

Sibling *.json files of SCHEMA are registered (by $id and by file URI) so
that cross-file "$ref"s resolve.
"""

import difflib
import json
import os
import re
import sys

USAGE = "usage: python3 scripts/schema_check.py SCHEMA FILE..."

# Largest document, counted in nodes after alias expansion, that is validated.
MAX_EXPANDED_NODES = 1_000_000


def _import_dependencies():
    missing = []
    modules = {}
    for name, pip_name in (("jsonschema", "jsonschema"), ("referencing", "referencing"), ("yaml", "pyyaml")):
        try:
            modules[name] = __import__(name)
        except ImportError:
            missing.append(pip_name)
    if missing:
        print("missing-dependency: python module(s) not installed: " + ", ".join(missing)
              + " (pip install " + " ".join(missing) + ")", file=sys.stderr)
        return None
    return modules


def _make_core_loader(yaml):
    """A SafeLoader whose implicit typing follows the YAML 1.2 core schema."""

    class CoreLoader(yaml.SafeLoader):
        yaml_implicit_resolvers = {}
        yaml_constructors = {}

        def __init__(self, stream):
            super().__init__(stream)
            self.problems = []  # (mark, message): duplicate / non-string keys

        def construct_mapping(self, node, deep=False):
            if not isinstance(node, yaml.MappingNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "expected a mapping node, but found %s" % node.id, node.start_mark)
            mapping = {}
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=deep)
                if isinstance(key, int) and not isinstance(key, bool) and isinstance(key_node, yaml.ScalarNode):
                    key = key_node.value  # a year key (`2027:`): JSON object keys are text, as editors read them
                if not isinstance(key, str):
                    shown = repr(key) if isinstance(key_node, yaml.ScalarNode) else "(a %s)" % key_node.id
                    self.problems.append((key_node.start_mark, "mapping key %s is not a string" % shown))
                    continue
                if key in mapping:
                    self.problems.append((key_node.start_mark, "duplicate key %r" % key))
                    continue
                mapping[key] = self.construct_object(value_node, deep=deep)
            return mapping

    def construct_null(loader, node):
        loader.construct_scalar(node)
        return None

    def construct_bool(loader, node):
        return loader.construct_scalar(node).lower() == "true"

    def construct_int(loader, node):
        value = loader.construct_scalar(node).replace("_", "")
        if value.startswith("0o"):
            return int(value[2:], 8)
        if value.startswith("0x"):
            return int(value[2:], 16)
        return int(value, 10)

    def construct_float(loader, node):
        value = loader.construct_scalar(node).lower()
        sign = -1.0 if value.startswith("-") else 1.0
        if value.lstrip("+-") == ".inf":
            return sign * float("inf")
        if value == ".nan":
            return float("nan")
        return float(value)

    tag = "tag:yaml.org,2002:"
    CoreLoader.add_implicit_resolver(
        tag + "bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    CoreLoader.add_implicit_resolver(
        tag + "int", re.compile(r"^(?:[-+]?(?:0|[1-9][0-9]*)|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789"))
    CoreLoader.add_implicit_resolver(
        tag + "float",
        re.compile(r"^(?:[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                   r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
        list("-+.0123456789"))
    CoreLoader.add_implicit_resolver(
        tag + "null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])

    CoreLoader.add_constructor(tag + "null", construct_null)
    CoreLoader.add_constructor(tag + "bool", construct_bool)
    CoreLoader.add_constructor(tag + "int", construct_int)
    CoreLoader.add_constructor(tag + "float", construct_float)
    CoreLoader.add_constructor(tag + "str", yaml.constructor.SafeConstructor.construct_yaml_str)
    CoreLoader.add_constructor(tag + "seq", yaml.constructor.SafeConstructor.construct_yaml_seq)
    CoreLoader.add_constructor(tag + "map", yaml.constructor.SafeConstructor.construct_yaml_map)
    CoreLoader.add_constructor(None, yaml.constructor.SafeConstructor.construct_undefined)
    return CoreLoader


def _pointer(path):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def _node_positions(yaml, root):
    """Map JSON pointer -> (value mark, key mark or None); also bound alias expansion."""
    sizes = {}

    def size(node):
        key = id(node)
        if key in sizes:
            return sizes[key]
        sizes[key] = 1  # cycles (recursive aliases) count once
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(n) for n in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        sizes[key] = total
        return total

    if size(root) > MAX_EXPANDED_NODES:
        return None

    positions = {}
    seen = set()

    def walk(node, path, key_mark):
        pointer = _pointer(path)
        if pointer in positions:
            return
        positions[pointer] = (node.start_mark, key_mark)
        if id(node) in seen:  # an alias: do not descend the same node twice on one path
            return
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            for index, child in enumerate(node.value):
                walk(child, path + [index], None)
        elif isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    walk(value_node, path + [key_node.value], key_node.start_mark)
        seen.discard(id(node))

    walk(root, [], None)
    return positions


def _where(mark):
    return " (line %d, column %d)" % (mark.line + 1, mark.column + 1) if mark is not None else ""


class LoadError(Exception):
    """The file is not well-formed YAML/JSON: reported as invalid."""

    def __init__(self, problems):
        super().__init__(problems)
        self.problems = problems  # list of (pointer, message)


def load_yaml(yaml, loader_class, text):
    """Return (data, positions) or raise LoadError."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        positions = _node_positions(yaml, node)
        if positions is None:
            raise LoadError([("", "document is too large once aliases are expanded (more than %d nodes)"
                              % MAX_EXPANDED_NODES)])
        data = loader.construct_document(node)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        text = " ".join(str(getattr(error, "problem", None) or error).split())
        context = getattr(error, "context", None)
        if context:
            text = context + ": " + text
        raise LoadError([("", "YAML syntax error: " + text + _where(mark))])
    finally:
        loader.dispose()
    if loader.problems:
        raise LoadError([("", message + _where(mark)) for mark, message in loader.problems])
    return data, positions


def load_json(text):
    problems = []

    def pairs(items):
        obj = {}
        for key, value in items:
            if key in obj:
                problems.append(("", "duplicate key %r" % key))
                continue
            obj[key] = value
        return obj

    def constant(name):
        raise ValueError("%s is not valid JSON" % name)

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except ValueError as error:
        raise LoadError([("", "JSON syntax error: %s" % error)])
    if problems:
        raise LoadError(problems)
    return data, {}


def describe(error, positions):
    """Turn one jsonschema error into (pointer, message, mark) items; mark may be None."""
    path = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        schema = error.schema
        patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
        allowed = list(schema.get("properties", {}))
        lines = []
        for key in error.instance:
            if key in allowed or any(p.search(key) for p in patterns):
                continue
            pointer = _pointer(path + [key])
            message = "unknown key %r" % key
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            if close:
                message += " (did you mean %r?)" % close[0]
            elif allowed:
                message += "; allowed keys: " + ", ".join(allowed)
            elif patterns:
                message += "; keys must match " + " or ".join(p.pattern for p in patterns)
            mark = positions.get(pointer, (None, None))[1]
            lines.append((pointer, message, mark))
        if lines:
            return lines
    if error.validator == "not" and isinstance(error.instance, dict) \
            and isinstance(error.validator_value, dict) and set(error.validator_value) == {"required"}:
        # {"not": {"required": [k]}}: k must be absent.
        lines = []
        for key in error.validator_value["required"]:
            if key in error.instance:
                pointer = _pointer(path + [key])
                message = "%r is not allowed here" % key
                if isinstance(error.schema, dict) and error.schema.get("description"):
                    message += " (%s)" % error.schema["description"]
                mark = positions.get(pointer, (None, None))[1]
                lines.append((pointer, message, mark))
        if lines:
            return lines
    message = error.message
    if error.validator in ("anyOf", "oneOf") and error.context \
            and all(sub.validator == "required" and not sub.relative_path for sub in error.context):
        # anyOf: [{required: [a]}, {required: [b]}]: say which keys are wanted.
        wanted = []
        for sub in error.context:
            for key in sub.validator_value:
                if key not in wanted:
                    wanted.append(key)
        message = "at least one of %s is required" % ", ".join(repr(k) for k in wanted)
    pointer = _pointer(path)
    mark = positions.get(pointer, (None, None))[0]
    return [(pointer, message, mark)]


def _sort_key(item):
    """Sort (pointer, message, mark) by position in the file, then by pointer."""
    pointer, message, mark = item
    where = (mark.line, mark.column) if mark is not None else (-1, -1)
    return (where, pointer, message)


def build_validator(modules, schema_path):
    jsonschema = modules["jsonschema"]
    referencing = modules["referencing"]
    from referencing.jsonschema import DRAFT202012

    schema_path = os.path.abspath(schema_path)
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    resources = []
    directory = os.path.dirname(schema_path)
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".json"):
            continue
        full = os.path.join(directory, name)
        try:
            with open(full, encoding="utf-8") as handle:
                contents = json.load(handle)
        except (OSError, ValueError):
            continue
        if not isinstance(contents, dict):
            continue
        resource = referencing.Resource.from_contents(contents, default_specification=DRAFT202012)
        resources.append(("file://" + full, resource))
        if isinstance(contents.get("$id"), str):
            resources.append((contents["$id"], resource))
    registry = referencing.Registry().with_resources(resources)
    # The schema's own "$schema" picks the draft (ours are 2020-12; SARIF's is draft-07).
    validator_class = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    validator_class.check_schema(schema)
    return validator_class(schema, registry=registry, format_checker=validator_class.FORMAT_CHECKER)


def main(argv):
    if len(argv) >= 2 and argv[1] in ("-h", "--help"):
        print(USAGE)
        return 0
    if len(argv) < 3:
        print(USAGE, file=sys.stderr)
        return 2
    modules = _import_dependencies()
    if modules is None:
        return 2
    yaml = modules["yaml"]
    jsonschema = modules["jsonschema"]

    schema_path, files = argv[1], argv[2:]
    try:
        validator = build_validator(modules, schema_path)
    except (OSError, ValueError) as error:
        print("error: cannot read schema %s: %s" % (schema_path, error), file=sys.stderr)
        return 2
    except jsonschema.exceptions.SchemaError as error:
        print("error: %s is not a valid JSON Schema: %s" % (schema_path, error.message), file=sys.stderr)
        return 2

    loader_class = _make_core_loader(yaml)
    status = 0
    for path in files:
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            print("error: cannot read %s: %s" % (path, error), file=sys.stderr)
            status = 2
            continue
        try:
            if path.lower().endswith(".json"):
                data, positions = load_json(text)
            else:
                data, positions = load_yaml(yaml, loader_class, text)
            found = []
            for error in validator.iter_errors(data):
                found.extend(describe(error, positions))
            lines = [(pointer, message + _where(mark)) for pointer, message, mark in sorted(found, key=_sort_key)]
        except LoadError as error:
            lines = error.problems
        if lines:
            for pointer, message in lines:
                print("invalid %s: %s: %s" % (path, pointer, message))
            status = max(status, 1)
        else:
            print("ok %s" % path)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
