#!/usr/bin/env python3
"""Validates SARIF logs against the official SARIF 2.1.0 JSON schema.

    scripts/validate-sarif.py FILE.sarif...

The schema (draft-04) is testdata/sarif/sarif-2.1.0-rtm.5.json; the validator is
Debian's python3-jsonschema. Exit 0 when every file validates, 1 with the errors
otherwise, 2 when python3-jsonschema is missing (scripts/install-deps.sh installs it).
"""
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError as e:
    print(f"validate-sarif: python3-jsonschema is not installed ({e})", file=sys.stderr)
    sys.exit(2)

root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "testdata/sarif/sarif-2.1.0-rtm.5.json").read_text())
validator = jsonschema.Draft4Validator(schema)
failed = False
for name in sys.argv[1:]:
    log = json.loads(pathlib.Path(name).read_text())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    if not errors:
        print(f"{name}: valid SARIF 2.1.0")
        continue
    failed = True
    for err in errors[:20]:
        where = "/".join(str(p) for p in err.absolute_path)
        print(f"{name}: /{where} {err.message}")
sys.exit(1 if failed else 0)
