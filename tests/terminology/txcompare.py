"""Template comparison of expected and actual responses, as the HL7 terminology
ecosystem runner compares them (../shared/tx-ecosystem/README.md).

Arrays are compared ignoring order; objects must have the same properties (those listed
in ``$optional-properties$`` may be missing, array items carrying ``$optional$`` may be
missing); strings may be templates (``$id$``, ``$choice:a|b$``, ``$fragments:..$``,
``$external:N[:fragments]$``...). ``modes`` are the runner modes in force.
"""

from __future__ import annotations

import re
from typing import Any

MODES = frozenset({"general", "flat"})
FHIR_VERSION = "4.0.1"
PATTERNS = {
    "$instant$": r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)",
    "$uuid$": r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    "$id$": r"[A-Za-z0-9\-.]{1,64}",
    "$url$": r"\S+:\S+",
    "$token$": r"\S+",
    "$date$": r"\d{4}(-\d\d(-\d\d)?)?",
    "$semver$": r"\d+\.\d+\.\d+(-[0-9A-Za-z.\-]+)?(\+[0-9A-Za-z.\-]+)?",
}


def _filter_on(flt: Any, modes: frozenset[str]) -> bool:
    """Whether an ``$optional$`` / ``$only$`` filter passes."""
    if flt is True:
        return True
    if not isinstance(flt, str):
        return False
    if flt.startswith("warning:"):
        return True
    if flt.startswith("version:"):
        return FHIR_VERSION.startswith(flt[8:])
    if flt.startswith("!"):
        return flt[1:] not in modes
    return flt not in modes


def is_optional(item: Any, modes: frozenset[str]) -> bool:
    return isinstance(item, dict) and "$optional$" in item and _filter_on(item["$optional$"], modes)


def match_string(actual: str, expected: str, externals: dict[str, str] | None = None) -> bool:
    if "$version$" in expected and expected != "$version$":
        expected = expected.replace("$version$", FHIR_VERSION)
    if not (expected.startswith("$") and expected.endswith("$") and len(expected) > 1):
        return actual == expected
    body = expected[1:-1]
    if body.startswith("choice:"):
        return actual in body[7:].split("|")
    if body.startswith("fragments:"):
        return all(f.lower() in actual.lower() for f in body[10:].split("|"))
    if body.startswith("external:"):
        parts = body.split(":", 2)
        if externals is not None and parts[1] in externals:
            return actual == externals[parts[1]]
        if len(parts) <= 2:
            return bool(actual)
        return all(f.lower() in actual.lower() for f in parts[2].split("|"))
    if expected == "$$":
        return True
    if expected == "$string$":
        return bool(actual) and actual == actual.strip()
    if expected == "$version$":
        return actual == FHIR_VERSION
    pattern = PATTERNS.get(expected)
    if pattern is None:
        return actual == expected
    return re.fullmatch(pattern, actual) is not None


def compare(expected: Any, actual: Any, path: str = "", modes: frozenset[str] = MODES,
            externals: dict[str, str] | None = None) -> str | None:
    """None when ``actual`` matches the template ``expected``, else the first difference."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{path}: expected an object, got {actual!r}"
        return _objects(expected, actual, path, modes, externals)
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return f"{path}: expected an array, got {actual!r}"
        return _arrays(expected, actual, path, modes, externals)
    if isinstance(expected, str):
        if not isinstance(actual, str) or not match_string(actual, expected, externals):
            return f"{path}: expected {expected!r}, got {actual!r}"
        return None
    if isinstance(expected, bool) or isinstance(actual, bool):
        return None if expected is actual else f"{path}: expected {expected!r}, got {actual!r}"
    return None if expected == actual else f"{path}: expected {expected!r}, got {actual!r}"


def _objects(expected: dict[str, Any], actual: dict[str, Any], path: str,
             modes: frozenset[str], externals: dict[str, str] | None) -> str | None:
    optional = set(expected.get("$optional-properties$") or [])
    count_only = set(expected.get("$count-arrays$") or [])
    for name, value in actual.items():
        if name not in expected:
            if name in optional:
                continue  # listed as optional: may be present although not shown
            return f"{path}: unexpected property {name!r}"
        exp = expected[name]
        if name in count_only and isinstance(exp, list):
            if not isinstance(value, list) or len(value) != len(exp):
                return f"{path}.{name}: array length differs"
            continue
        diff = compare(exp, value, f"{path}.{name}", modes, externals)
        if diff:
            return diff
    for name in expected:
        if name.startswith("$") or name in actual:
            continue
        if name in optional or "*" in optional:
            continue
        value = expected[name]
        if isinstance(value, list) and value and all(is_optional(v, modes) for v in value):
            continue  # every entry may be left out, and FHIR JSON has no empty arrays
        return f"{path}: missing property {name!r}"
    return None


def _arrays(expected: list[Any], actual: list[Any], path: str, modes: frozenset[str],
            externals: dict[str, str] | None) -> str | None:
    wanted = []
    for item in expected:
        only = item.get("$only$") if isinstance(item, dict) else None
        if only is not None and not _filter_on(only, modes):
            continue  # must not be present: it will not match anything below
        wanted.append(item)
    # same-position pairs first (cheap), then a bipartite matching of what is left
    owner: dict[int, int] = {}
    paired: set[int] = set()
    for i, e in enumerate(wanted):
        if i < len(actual) and compare(e, actual[i], f"{path}[{i}]", modes, externals) is None:
            owner[i] = i
            paired.add(i)
    rest = [j for j in range(len(actual)) if j not in owner]
    options = [[] if i in paired else
               [j for j in rest if compare(e, actual[j], f"{path}[{i}]", modes, externals) is None]
               for i, e in enumerate(wanted)]

    def assign(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or (owner[j] not in paired and assign(owner[j], seen)):
                owner[j] = i
                return True
        return False

    order = sorted(range(len(wanted)), key=lambda k: is_optional(wanted[k], modes))
    for i in order:
        e = wanted[i]
        if i in paired:
            continue
        if not assign(i, set()) and not is_optional(e, modes):
            detail = ""
            if len(wanted) == len(actual) and i < len(actual):
                detail = " (" + (compare(e, actual[i], f"{path}[{i}]", modes, externals)
                                 or "") + ")"
            return f"{path}[{i}]: no actual item matches the expected one{detail}"
    for j in range(len(actual)):
        if j not in owner:
            return f"{path}[{j}]: unexpected item {str(actual[j])[:300]}"
    return None
