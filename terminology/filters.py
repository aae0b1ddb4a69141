"""ValueSet compose filters over one code system
(https://hl7.org/fhir/R4/valueset-definitions.html#ValueSet.compose.include.filter,
operators: https://hl7.org/fhir/R4/valueset-filter-operator.html)."""

from __future__ import annotations

from typing import Any

import regex as re

from .issues import tx_error
from .model import CodeSystemModel, Concept, Json

HIERARCHY_OPS = ("is-a", "descendent-of", "is-not-a", "generalizes", "child-of",
                 "descendent-leaf")


def apply_filter(cs: CodeSystemModel, flt: Json) -> list[str]:
    """The codes of ``cs`` that pass the filter, in code system order."""
    prop, op, value = flt.get("property"), flt.get("op"), flt.get("value")
    if value is None or value == "":
        raise tx_error(400, "invalid", "vs-invalid",
                       f"The system {cs.url} filter with property = {prop}, op = {op} has no "
                       "value", "UNABLE_TO_HANDLE_SYSTEM_FILTER_WITH_NO_VALUE")
    value = str(value)
    if prop == "concept" or (prop == "code" and op in HIERARCHY_OPS):
        return _concept_filter(cs, str(op), value)
    if op == "regex":
        rx = _regex(cs, value)
        return [c.code for c in cs.all() if any(rx.fullmatch(v) for v in _values(cs, c, prop))]
    if op == "=":
        return [c.code for c in cs.all() if value in _values(cs, c, prop)]
    if op in ("in", "not-in"):
        wanted = {v.strip() for v in value.split(",")}
        hit = [c.code for c in cs.all() if wanted & set(_values(cs, c, prop))]
        return hit if op == "in" else [c.code for c in cs.all() if c.code not in set(hit)]
    if op == "exists":
        want = value.lower() == "true"
        return [c.code for c in cs.all() if bool(_values(cs, c, prop)) == want]
    raise tx_error(400, "not-supported", "vs-invalid",
                   f"The filter operation '{op}' on property '{prop}' is not supported",
                   "FILTER_NOT_UNDERSTOOD")


REGEX_SECONDS = 0.5


class _Regex:
    """A compiled pattern whose matching gives up after ``REGEX_SECONDS`` (hostile patterns
    such as ``(a+)+`` would otherwise backtrack for ever)."""

    def __init__(self, cs: CodeSystemModel, value: str) -> None:
        self.cs, self.value = cs, value
        try:
            self.rx = re.compile(value)
        except re.error as exc:
            raise tx_error(400, "invalid", "vs-invalid",
                           f"The regex '{value}' in a filter on {cs.url} is not valid: {exc}",
                           "INVALID_REGEX") from None

    def fullmatch(self, text: str) -> bool:
        try:
            return self.rx.fullmatch(text, timeout=REGEX_SECONDS) is not None
        except TimeoutError:
            raise tx_error(422, "too-costly", None,
                           f"The regex '{self.value}' in a filter on {self.cs.url} took too "
                           "long to evaluate", "REGEX_TOO_COSTLY") from None


def _regex(cs: CodeSystemModel, value: str) -> _Regex:
    return _Regex(cs, value)


def _concept_filter(cs: CodeSystemModel, op: str, value: str) -> list[str]:
    order = [c.code for c in cs.all()]
    if op in ("in", "not-in"):
        wanted = {v.strip() for v in value.split(",")}
        return [c for c in order if (c in wanted) == (op == "in")]
    if op == "regex":
        rx = _regex(cs, value)
        return [c for c in order if rx.fullmatch(c)]
    if op == "=":
        return [c for c in order if c == value]
    root = cs.get(value)
    if root is None:
        return order if op == "is-not-a" else []
    code = root.code
    if op == "is-a":
        keep = {code, *cs.descendants(code)}
    elif op == "descendent-of":
        keep = set(cs.descendants(code))
    elif op == "is-not-a":
        excluded = {code, *cs.descendants(code)}
        return [c for c in order if c not in excluded]
    elif op == "generalizes":
        keep = {code, *cs.ancestors(code)}
    elif op == "child-of":
        keep = set(root.children)
    elif op == "descendent-leaf":
        keep = {c for c in cs.descendants(code) if not cs.concepts[c].children}
    else:
        raise tx_error(400, "not-supported", "vs-invalid",
                       f"The filter operation '{op}' on property 'concept' is not supported",
                       "FILTER_NOT_UNDERSTOOD")
    return [c for c in order if c in keep]


def _values(cs: CodeSystemModel, c: Concept, prop: Any) -> list[str]:
    """The values of property ``prop`` of ``c`` as text."""
    if prop == "code":
        return [c.code]
    if prop == "display":
        return [c.display] if c.display else []
    if prop == "inactive" and not any(p == "inactive" for p, _ in c.properties):
        return ["true" if c.inactive else "false"]
    out: list[str] = []
    for code, v in c.properties:
        if code != prop:
            continue
        for key, val in v.items():
            if key == "valueCoding" and isinstance(val, dict):
                out.append(str(val.get("code")))
            elif isinstance(val, bool):
                out.append("true" if val else "false")
            else:
                out.append(str(val))
    if prop == "parent":
        out += c.parents
    elif prop == "child":
        out += c.children
    return out
