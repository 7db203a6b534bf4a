#!/usr/bin/env python3
"""Validates JSON documents against a JSON Schema (draft 2020-12) with python3-jsonschema.

    check_schema.py --schemas SCHEMA...          every schema is itself a valid draft 2020-12 schema
    check_schema.py SCHEMA FILE                  FILE holds one JSON document that conforms to SCHEMA
"""
import json
import sys

import jsonschema


def main(argv):
    if len(argv) >= 2 and argv[0] == "--schemas":
        for path in argv[1:]:
            with open(path, encoding="utf-8") as f:
                jsonschema.Draft202012Validator.check_schema(json.load(f))
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as f:
        schema = json.load(f)
    try:
        with open(argv[1], encoding="utf-8") as f:
            document = json.load(f)
    except ValueError as error:
        print(f"{argv[1]}: not JSON: {error}", file=sys.stderr)
        return 1
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors:
        pointer = "/" + "/".join(str(p) for p in error.absolute_path)
        print(f"{argv[1]}: {pointer}: {error.message}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
