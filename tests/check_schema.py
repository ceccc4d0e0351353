"""Checks every drug file in data/ against data/schema.json (Debian's python3-jsonschema)."""
import json
import pathlib
import sys

import jsonschema

data = pathlib.Path(sys.argv[1])
schema = json.loads((data / "schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failed = 0
drugs = [p for p in sorted(data.glob("*.json")) if p.name not in ("schema.json", "sources.json", "methods.json", "findings.json", "teaching.json")]
for path in drugs:
    errors = list(validator.iter_errors(json.loads(path.read_text())))
    for error in errors:
        print(f"{path.name}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    failed += bool(errors)
print(f"data schema: {len(drugs) - failed} passed, {failed} failed")
sys.exit(1 if failed or not drugs else 0)
