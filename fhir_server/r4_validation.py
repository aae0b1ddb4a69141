"""Validation against the R4 definitions, for what the R4B models can't check as R4.

The server validates with the fhir.resources R4B models (see ``validation.py``), which stand in
for R4. That fails for:

* the R4 types absent from R4B (``resource_types.R4_ONLY_TYPES``), and the R4 types whose shape
  changed in R4B (Evidence and EvidenceVariable: https://hl7.org/fhir/R4B/diff.html); these are
  validated here against the R4 JSON Schema (https://hl7.org/fhir/R4/json.html#schema),
  checked against and completed from the R4 StructureDefinitions
  (https://hl7.org/fhir/R4/structuredefinition.html) by ``scripts/build_r4_definitions.py``;
* such resources nested in another one (``contained``, ``Bundle.entry.resource``, ...), and
  extensions on the value of an extension (``extension[i]._valueString``, valid R4 JSON per
  https://hl7.org/fhir/R4/json.html#primitive, rejected by the R4B ``Extension`` model):
  :func:`r4b_compatible` validates those here and hands the R4B model a resource without them.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft6Validator, validators
from jsonschema.exceptions import ValidationError

from .errors import issue
from .resource_types import R4_ONLY_TYPES, R4_RESOURCE_TYPES

#: The derived R4 JSON Schema subset, built by ``scripts/build_r4_definitions.py``.
DATA_FILE = Path(__file__).parent / "data" / "r4_definitions.json.gz"

#: R4 types that R4B has with another shape, so that valid R4 instances fail the R4B model.
CHANGED_TYPES: frozenset[str] = frozenset({"Evidence", "EvidenceVariable"})

#: The types validated against the R4 definitions instead of the R4B models.
R4_SCHEMA_TYPES: frozenset[str] = R4_ONLY_TYPES | CHANGED_TYPES

#: The types the R4B models validate as R4.
_R4B_TYPES: frozenset[str] = frozenset(R4_RESOURCE_TYPES) - R4_SCHEMA_TYPES
#: What an R4-validated resource nested in another one is replaced with for the R4B model.
_STAND_IN: dict[str, Any] = {"resourceType": "Basic", "code": {"text": "validated as R4"}}
_EXTENSION_KEYS = ("extension", "modifierExtension")
#: R4 ``Extension.value[x]`` types missing from the R4B model, with their R4 definitions.
_EXTENSION_ONLY_R4 = {"valueMeta": "Meta"}
_MAX_MESSAGE = 200


def _fhir_required(
    validator: Any, groups: dict[str, list[str]], instance: Any, schema: Any
) -> Iterator[ValidationError]:
    """``fhirRequired``: each element must be present under one of its names (``x``/``_x``)."""
    if isinstance(instance, dict):
        for label, names in groups.items():
            if not any(name in instance for name in names):
                yield ValidationError(f"{label!r} is a required property")


def _fhir_choice(
    validator: Any, groups: dict[str, list[str]], instance: Any, schema: Any
) -> Iterator[ValidationError]:
    """``fhirChoice``: a choice element ``x[x]`` takes one type only."""
    if isinstance(instance, dict):
        for label, names in groups.items():
            present = [n for n in names if n in instance or f"_{n}" in instance]
            if len(present) > 1:
                yield ValidationError(f"only one of {label} may be given, not {present}")


_R4Validator = validators.extend(
    Draft6Validator, {"fhirRequired": _fhir_required, "fhirChoice": _fhir_choice}
)


@cache
def _definitions() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(gzip.decompress(DATA_FILE.read_bytes()))
    return data


@cache
def _validator(definition: str) -> Any:
    data = _definitions()
    schema = {
        "$schema": data["$schema"],
        "definitions": data["definitions"],
        "$ref": f"#/definitions/{definition}",
    }
    return _R4Validator(schema)


def _path(root: str, parts: Any) -> str:
    """A FHIRPath-like location: ``Type.element[index].element``."""
    return root + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)


def _schema_issues(error: ValidationError, root: str) -> list[dict[str, Any]]:
    path = _path(root, error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = error.schema.get("properties", {})
        return [
            issue("error", "structure", f"{path}.{name}: Unknown element", f"{path}.{name}")
            for name in error.instance
            if name not in known
        ]
    if error.validator in ("required", "fhirRequired"):
        return [issue("error", "required", f"{path}: {error.message}", path)]
    if error.validator == "fhirChoice":
        return [issue("error", "structure", f"{path}: {error.message}", path)]
    message = error.message
    if error.validator == "pattern" and "title" in error.schema:
        message = f"{error.instance!r} is not a valid {error.schema['title']}"
    if len(message) > _MAX_MESSAGE:
        message = message[: _MAX_MESSAGE - 3] + "..."
    return [issue("error", "value", f"{path}: {message}", path)]


def _validate(instance: Any, definition: str, root: str) -> list[dict[str, Any]]:
    errors = sorted(_validator(definition).iter_errors(instance), key=lambda e: e.json_path)
    return [item for error in errors for item in _schema_issues(error, root)]


def _nested_resources(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Yield ``(path, resource)`` for the resources nested in ``value`` (not deeper)."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, child in items:
        where = _path(path, [key])
        if isinstance(child, dict) and "resourceType" in child:
            yield where, child
        elif isinstance(child, dict | list):
            yield from _nested_resources(child, where)


def _rebase(items: list[dict[str, Any]], old: str, new: str) -> list[dict[str, Any]]:
    """Re-root the issues of a nested resource (paths ``old...``) at ``new``."""

    def moved(text: str, sep: str) -> str:
        if old and (text == old or text.startswith((f"{old}.", f"{old}:"))):
            return new + text[len(old) :]
        return f"{new}{sep}{text}"

    result = []
    for item in items:
        item = dict(item, diagnostics=moved(item["diagnostics"], ": "))
        if "expression" in item:
            item["expression"] = [moved(e, ".") for e in item["expression"]]
        result.append(item)
    return result


def _nested_issues(path: str, nested: dict[str, Any]) -> list[dict[str, Any]]:
    from .validation import validation_issues  # validation imports this module

    rtype = nested.get("resourceType")
    return _rebase(validation_issues(nested), rtype if isinstance(rtype, str) else "", path)


def r4_issues(resource: dict[str, Any]) -> list[dict[str, Any]]:
    """Validate a resource of one of :data:`R4_SCHEMA_TYPES` against the R4 definitions.

    Checks the elements, their cardinality and types, value patterns (e.g.
    https://hl7.org/fhir/R4/datatypes.html#dateTime) and required code bindings, as the R4
    JSON Schema does; nested resources are validated each against its own type.
    """
    rtype = resource.get("resourceType")
    if not isinstance(rtype, str) or rtype not in R4_SCHEMA_TYPES:
        text = f"{rtype!r} is not validated as R4"
        return [issue("error", "not-supported", text, "resourceType")]
    try:
        issues = _validate(resource, rtype, rtype)
        for where, nested in _nested_resources(resource, rtype):
            issues += _nested_issues(where, nested)
    except RecursionError:
        return [_too_deep(rtype)]
    return issues


def r4b_compatible(resource: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Split ``resource`` into what the R4B model can validate and the issues of the rest.

    Nested resources of :data:`R4_SCHEMA_TYPES` or of unknown types are validated here and
    replaced by a stand-in; the parts of extensions that R4B lacks (``_value[x]``, an
    ``Element``, and ``valueMeta``) are validated here and left out. Returns the resource itself
    when nothing had to change.
    """
    rtype = resource.get("resourceType")
    root = rtype if isinstance(rtype, str) else ""
    issues: list[dict[str, Any]] = []
    try:
        return _compatible(resource, root, False, issues, top=True), issues
    except RecursionError:
        return resource, [_too_deep(root)]


def _too_deep(path: str) -> dict[str, Any]:
    return issue("error", "too-costly", f"{path}: the resource is nested too deeply", path)


def _compatible(value: Any, path: str, is_extension: bool, issues: list[Any], top: bool) -> Any:
    if isinstance(value, list):
        items = [
            _compatible(v, f"{path}[{i}]", is_extension, issues, False) for i, v in enumerate(value)
        ]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if not isinstance(value, dict):
        return value
    if not top and "resourceType" in value:
        nested_type = value["resourceType"]
        if not isinstance(nested_type, str) or nested_type not in _R4B_TYPES:
            issues += _nested_issues(path, value)
            return dict(_STAND_IN)
    result: dict[str, Any] | None = None
    for key, child in value.items():
        definition = _extension_part(key) if is_extension else None
        if definition is not None:
            issues += _validate(child, definition, f"{path}.{key}")
            result = result if result is not None else dict(value)
            del result[key]
            continue
        new = _compatible(child, f"{path}.{key}", key in _EXTENSION_KEYS, issues, False)
        if new is not child:
            result = result if result is not None else dict(value)
            result[key] = new
    return value if result is None else result


def _extension_part(key: str) -> str | None:
    """The R4 definition of an ``Extension`` element the R4B model lacks, or None."""
    return "Element" if key.startswith("_value") else _EXTENSION_ONLY_R4.get(key)
