"""Evaluate SearchParameter expressions on resources.

Most R4 search expressions use a tiny part of FHIRPath (https://hl7.org/fhir/R4/fhirpath.html):
unions of dotted paths, ``as`` casts, ``where(resolve() is Type)``, ``where(x='y')`` and
``extension('url')``. Those are compiled here into plain dictionary walks (about 100× faster
than a general engine, which matters at write time); anything else is evaluated with the
general engine fhirpathpy, with ``resolve() is Type`` applied as a reference-type filter
(fhirpathpy has no ``resolve()``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

Node = Any
PathFn = Callable[[Any], list[Node]]

TYPE_SUFFIXES = frozenset("""Boolean Integer String Decimal Uri Url Canonical Base64Binary
Instant Date DateTime Time Code Oid Id Markdown UnsignedInt PositiveInt Uuid Address Age
Annotation Attachment CodeableConcept Coding ContactPoint Count Distance Duration HumanName
Identifier Money Period Quantity Range Ratio Reference SampledData Signature Timing
ContactDetail Contributor DataRequirement Expression ParameterDefinition RelatedArtifact
TriggerDefinition UsageContext Dosage Meta""".split())
_RESOLVE = re.compile(r"\.where\(resolve\(\) is ([A-Za-z]+)\)")
_SEG = re.compile(
    r"^(?:(?P<name>[a-z][A-Za-z0-9]*)"
    r"|where\((?P<wf>[a-z][A-Za-z]*)\s*=\s*'(?P<wv>[^']*)'\)"
    r"|as\((?P<as>[A-Za-z]+)\)"
    r"|extension\('(?P<ext>[^']+)'\))$"
)


def _children(node: Node, name: str) -> list[Node]:
    if not isinstance(node, dict):
        return []
    if name in node:
        value = node[name]
    else:
        value = None
        for key, v in node.items():
            if key.startswith(name) and key[len(name):] in TYPE_SUFFIXES:
                value = v
                break
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _split_top(expr: str, sep: str) -> list[str]:
    parts, depth, start, i = [], 0, 0, 0
    while i < len(expr):
        c = expr[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "'":
            i = expr.index("'", i + 1)
        elif depth == 0 and expr.startswith(sep, i):
            parts.append(expr[start:i])
            start = i + len(sep)
            i += len(sep) - 1
        i += 1
    parts.append(expr[start:])
    return [p.strip() for p in parts]


def _segments(path: str) -> list[str] | None:
    segs = _split_top(path, ".")
    return segs if all(segs) else None


def _step(seg: str) -> Callable[[list[Node]], list[Node]] | None:
    m = _SEG.match(seg)
    if not m:
        return None
    if m["name"]:
        name = m["name"]
        return lambda nodes: [c for n in nodes for c in _children(n, name)]
    if m["wf"]:
        field, want = m["wf"], m["wv"]
        return lambda nodes: [n for n in nodes if isinstance(n, dict) and n.get(field) == want]
    if m["as"]:
        # ``x.as(T)``: keep choice values of type T; the previous step walked ``x``.
        return None
    url = m["ext"]
    return lambda nodes: [e for n in nodes if isinstance(n, dict)
                          for e in n.get("extension", []) if e.get("url") == url]


def _compile_path(path: str, resource_type: str | None) -> PathFn | None:
    """Compile one union member; None when it is outside the simple grammar."""
    path = path.strip()
    cast = None
    m = re.match(r"^\((.+) as ([A-Za-z]+)\)$", path)
    if m:
        path, cast = m.group(1).strip(), m.group(2)
    m2 = re.match(r"^(.+)\.as\(([A-Za-z]+)\)$", path)
    if m2 and cast is None:
        path, cast = m2.group(1), m2.group(2)
    segs = _segments(path)
    if segs is None:
        return None
    root = None
    if segs and segs[0][:1].isupper():
        root = segs.pop(0)
        if resource_type and root not in (resource_type, "Resource", "DomainResource"):
            return lambda res: []
    if cast:
        if not segs or not re.match(r"^[a-z][A-Za-z0-9]*$", segs[-1]):
            return None
        segs[-1] = segs[-1] + cast[0].upper() + cast[1:]
    steps = [_step(s) for s in segs]
    if any(s is None for s in steps):
        return None
    typed = root if root not in (None, "Resource", "DomainResource") else None

    def run(node: Any) -> list[Node]:
        if typed and isinstance(node, dict) and node.get("resourceType") not in (typed, None):
            return []
        nodes = [node]
        for step in steps:
            nodes = step(nodes)  # type: ignore[misc]
            if not nodes:
                return []
        return nodes

    return run


def _typed_refs(fn: PathFn, rtype: str) -> PathFn:
    prefix = rtype + "/"

    def run(node: Any) -> list[Node]:
        out = []
        for ref in fn(node):
            target = ref.get("reference", "") if isinstance(ref, dict) else ""
            tail = target.split("/_history")[0]
            parts = tail.rsplit("/", 2)
            if (len(parts) >= 2 and parts[-2] == rtype) or target.startswith(prefix):
                out.append(ref)
            elif isinstance(ref, dict) and ref.get("type") == rtype:
                out.append(ref)
        return out

    return run


def _member(path: str, resource_type: str | None) -> PathFn | None:
    m = _RESOLVE.search(path)
    if m and path.endswith(m.group(0)):
        inner = _compile_path(path[: m.start()], resource_type)
        return _typed_refs(inner, m.group(1)) if inner else None
    return _compile_path(path, resource_type)


@lru_cache(maxsize=4096)
def compile_expression(expression: str, resource_type: str | None = None) -> PathFn:
    """A function returning the nodes ``expression`` selects in a resource (or element)."""
    members = _split_top(expression, "|") if expression else []
    if not members:
        return lambda node: []
    # each member on its own: the fast path where it can, the general engine otherwise
    fns = [_member(p, resource_type) or _general(p) for p in members]
    if len(fns) == 1:
        return fns[0]

    def union(node: Any) -> list[Node]:
        out: list[Node] = []
        for f in fns:
            out.extend(f(node))
        return out
    return union


def _general(expression: str) -> PathFn:
    """Fallback to fhirpathpy for expressions outside the simple grammar."""
    import fhirpathpy
    from fhirpathpy.models import models

    filters: list[str] = []

    def strip(m: re.Match[str]) -> str:
        filters.append(m.group(1))
        return ""

    # fhirpathpy does not match Resource / DomainResource against the resource's own type
    plain = re.sub(r"^(\()?(?:Resource|DomainResource)\.", r"\1",
                   _RESOLVE.sub(strip, expression.strip()))
    try:
        fn = fhirpathpy.compile(plain, models["r4"])
    except Exception:
        return lambda node: []

    def run(node: Any) -> list[Node]:
        try:
            out = fn(node)  # type: ignore[call-arg]
        except Exception:
            return []
        if filters:
            out = [r for r in out if isinstance(r, dict) and any(
                str(r.get("reference", "")).split("/_history")[0].rsplit("/", 2)[-2:][0] == t
                for t in filters)]
        return [o for o in out if o is not None]

    return run


def is_simple(expression: str) -> bool:
    """True when the expression compiles to the fast evaluator (used by tests)."""
    members = _split_top(expression, "|") if expression else []
    return bool(members) and all(_member(p, None) is not None for p in members)


def syntax_problem(expression: str) -> str | None:
    """A basic syntax check (fhirpathpy's parser recovers from errors silently)."""
    depth, i = 0, 0
    while i < len(expression):
        c = expression[i]
        if c == "'":
            end = expression.find("'", i + 1)
            if end < 0:
                return "unterminated string literal"
            i = end
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return "unbalanced ')'"
        i += 1
    if depth:
        return "unbalanced '('"
    stripped = re.sub(r"'[^']*'", "''", expression)
    if ".." in stripped or stripped.rstrip().endswith((".", "(", "|")):
        return "incomplete path"
    return None
