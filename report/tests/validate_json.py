#!/usr/bin/env python3
"""Validates JSON files against a JSON Schema (draft-07 or 2020-12, from the schema's $schema).

usage: validate_json.py SCHEMA FILE...
Prints one line per error ("FILE: path/to/field: message") and exits 1 when any file is invalid,
2 when the schema or a file cannot be read. Reusable from any CTest: weft's report schema lives in
docs/report.schema.json, the official SARIF 2.1.0 schema in report/tests/schemas/.
"""
import json
import sys

import jsonschema


def validator_for(schema):
    # Debian 12's jsonschema (4.10) knows both drafts; pick the one the schema declares.
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
    cls.check_schema(schema)
    return cls(schema)


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            validator = validator_for(json.load(f))
    except (OSError, ValueError, jsonschema.SchemaError) as e:
        print(f"{argv[1]}: cannot use schema: {e}", file=sys.stderr)
        return 2
    failed = False
    for path in argv[2:]:
        try:
            with open(path, encoding="utf-8") as f:
                document = json.load(f)
        except (OSError, ValueError) as e:
            print(f"{path}: cannot read: {e}", file=sys.stderr)
            return 2
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors:
            where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
            print(f"{path}: {where}: {error.message}", file=sys.stderr)
        failed = failed or bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
