"""Writes each golden vector's request as one file of a libFuzzer seed corpus."""
import json
import pathlib
import sys

golden, corpus = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for path in sorted(golden.glob("*.json")):
    vector = json.loads(path.read_text())
    text = vector.get("request_text")
    if text is None:
        text = json.dumps(vector["request"], separators=(",", ":"))
    (corpus / path.stem).write_text(text)
