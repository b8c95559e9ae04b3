"""Validates Linked Art documents against the project's copy of the Linked Art JSON Schemas.

usage: /usr/bin/python3 validate-linked-art.py SCHEMA_DIR < documents.json
stdin holds one document or a JSON array of them; each is checked against the schema of its
`type` (HumanMadeObject: object.json, Place: place.json). Prints one line per error
(`index path: message`) and exits 1 when there is any.
"""
import json
import sys

from jsonschema import Draft202012Validator, RefResolver

SCHEMAS = {"HumanMadeObject": "object", "Place": "place"}

schema_dir = sys.argv[1]


def load(name):
    with open(f"{schema_dir}/{name}.json", encoding="utf-8") as file:
        return json.load(file)


core = load("core")
validators = {}
for kind, name in SCHEMAS.items():
    schema = load(name)
    resolver = RefResolver(base_uri=schema["$id"], referrer=schema, store={core["$id"]: core, schema["$id"]: schema})
    validators[kind] = Draft202012Validator(schema, resolver=resolver)

documents = json.load(sys.stdin)
if not isinstance(documents, list):
    documents = [documents]
failures = 0
for index, document in enumerate(documents):
    validator = validators.get(document.get("type"))
    if validator is None:
        print(f"{index} type: no Linked Art schema here for {document.get('type')!r}")
        failures += 1
        continue
    for error in validator.iter_errors(document):
        print(f"{index} {'/'.join(str(part) for part in error.absolute_path) or '(root)'}: {error.message}")
        failures += 1
sys.exit(1 if failures else 0)
