"""The fast evaluator of search parameter expressions (``fhir_server.search.paths``) against
the general FHIRPath engine fhirpathpy, on every official R4 example resource.

For every official R4 SearchParameter whose expression the fast path compiles
(``paths.is_simple``) and every example of a type it applies to (its base, or
``Resource`` / ``DomainResource``), the nodes the fast path selects must be those fhirpathpy
selects. The reference result is computed here, independently of ``paths``:

* ``X.where(resolve() is T)`` keeps the references of ``X`` whose target is a ``T``: the type
  in a literal reference (``T/id``, absolute or versioned), the resource a ``#id`` points to
  among the contained ones, else ``Reference.type`` (fhirpathpy has no ``resolve()``);
* a union (``a | b``) is evaluated member by member, and a member rooted at another resource
  type is empty (FHIRPath type names select nothing on a resource of another type);
* ``Resource.x`` / ``DomainResource.x`` is evaluated as ``x``: fhirpathpy 2.2 compares the
  root type name with ``resourceType`` exactly, so it never matches these base types;
* ``(x as T)`` over a collection is evaluated as ``x.ofType(T)``: fhirpathpy follows the
  FHIRPath rule that ``as`` needs a single item and raises, where search indexing (and the
  fast path) applies it to each item.

Results are compared as collections of JSON values, ignoring order (the index does not keep
it) and, for unions, duplicates (FHIRPath's ``|`` removes them; the fast path keeps them,
which only repeats index rows). The disagreements that are understood are listed in
``KNOWN`` with their reason; any other fails the test, and so does a listed one that no longer
occurs.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import orjson
import pytest

from fhir_server.search.params import DATA
from fhir_server.search.paths import compile_expression, is_simple
from tests.r4_examples import examples_dir, iter_examples

_CANONICAL_AS_URI = (
    "FHIRPath `as uri` also selects a canonical (canonical is a specialization of uri), so "
    "fhirpathpy returns ConceptMap.sourceCanonical/targetCanonical; the fast path turns "
    "`as uri` into the choice element sourceUri/targetUri only")
_CONTAINED = (
    "the reference is to a contained resource (#id), which resolve() finds; the fast path "
    "only reads Type/id or Reference.type (no effect on the index: contained references "
    "are not indexed)")
#: Understood disagreements: (SearchParameter id, example file or "*") -> reason.
KNOWN: dict[tuple[str, str], str] = {
    ("ConceptMap-source-uri", "*"): _CANONICAL_AS_URI,
    ("ConceptMap-target-uri", "*"): _CANONICAL_AS_URI,
    ("clinical-patient", "Observation-10minute-apgar-score.json"): _CONTAINED,
    ("clinical-patient", "Observation-1minute-apgar-score.json"): _CONTAINED,
    ("clinical-patient", "Observation-20minute-apgar-score.json"): _CONTAINED,
    ("clinical-patient", "Observation-2minute-apgar-score.json"): _CONTAINED,
    ("clinical-patient", "Observation-5minute-apgar-score.json"): _CONTAINED,
    ("QuestionnaireResponse-patient", "QuestionnaireResponse-3141.json"): _CONTAINED,
}

_RESOLVE = re.compile(r"\.where\(resolve\(\) is ([A-Za-z]+)\)")
_BASE_ROOT = re.compile(r"^(\(*)(?:Resource|DomainResource)\.")
_MEMBER_ROOT = re.compile(r"^\(*([A-Z][A-Za-z]*)\.")
_AS_CAST = re.compile(r"\(([^()]+?) as ([A-Za-z]+)\)")


# --------------------------------------------------------------------------- reference result

def split_union(expression: str) -> list[str]:
    """The members of a top-level union (``|`` outside parentheses and string literals)."""
    members, current, depth, quoted = [], "", 0, False
    for c in expression:
        if quoted:
            quoted = c != "'"
        elif c == "'":
            quoted = True
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "|" and depth == 0:
            members.append(current.strip())
            current = ""
            continue
        current += c
    members.append(current.strip())
    return members


def target_type(ref: Any, resource: dict[str, Any]) -> str | None:
    """The type of the resource a Reference points to, as far as it can be told."""
    if not isinstance(ref, dict):
        return None
    literal = ref.get("reference")
    if isinstance(literal, str):
        if literal.startswith("#"):
            for contained in resource.get("contained") or []:
                if isinstance(contained, dict) and contained.get("id") == literal[1:]:
                    return str(contained.get("resourceType"))
            return None
        parts = literal.split("/_history/")[0].split("/")
        if len(parts) >= 2 and parts[-2][:1].isupper() and parts[-1]:
            return parts[-2]
    declared = ref.get("type")
    return declared if isinstance(declared, str) else None


class Oracle:
    """fhirpathpy with the R4 model, plus the adjustments listed in the module docstring."""

    def __init__(self) -> None:
        import fhirpathpy
        from fhirpathpy.models import models

        self._compile = lambda e: fhirpathpy.compile(e, models["r4"])
        self._compiled: dict[str, Callable[..., list[Any]]] = {}
        self.of_type_rewrites: Counter[str] = Counter()

    def _eval(self, expression: str, resource: dict[str, Any]) -> list[Any]:
        fn = self._compiled.get(expression)
        if fn is None:
            fn = self._compiled[expression] = self._compile(expression)
        return [x for x in fn(resource) if x is not None]

    def member(self, member: str, resource: dict[str, Any]) -> list[Any]:
        types = _RESOLVE.findall(member)
        plain = _BASE_ROOT.sub(r"\1", _RESOLVE.sub("", member))
        try:
            out = self._eval(plain, resource)
        except ValueError as exc:
            if "singleton" not in str(exc) or not _AS_CAST.search(plain):
                raise
            self.of_type_rewrites[member] += 1
            out = self._eval(_AS_CAST.sub(r"\1.ofType(\2)", plain), resource)
        if types:
            out = [r for r in out if target_type(r, resource) in types]
        return out

    def evaluate(self, expression: str, resource: dict[str, Any], every_member: bool = False
                 ) -> list[Any]:
        rtype = resource["resourceType"]
        out: list[Any] = []
        for member in split_union(expression):
            root = _MEMBER_ROOT.match(member)
            if every_member or not root or root.group(1) in (rtype, "Resource",
                                                               "DomainResource"):
                out.extend(self.member(member, resource))
        return out


def _canonical(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS,
                        default=lambda o: float(o) if isinstance(o, Decimal) else str(o))


def same_nodes(fast: list[Any], reference: list[Any], union: bool) -> bool:
    a, b = sorted(map(_canonical, fast)), sorted(map(_canonical, reference))
    if union:
        return sorted(set(a)) == sorted(set(b))
    return a == b


# --------------------------------------------------------------------------- the test

@dataclass
class Report:
    params: int = 0
    pairs: int = 0
    agreeing: int = 0
    #: (parameter id, example file) -> (fast path nodes, fhirpathpy nodes)
    disagreements: dict[tuple[str, str], tuple[list[Any], list[Any]]] = field(
        default_factory=dict)
    errors: dict[tuple[str, str], str] = field(default_factory=dict)
    union_duplicates: Counter[str] = field(default_factory=Counter)
    member_checks: int = 0
    of_type_rewrites: int = 0


def applicable(params: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Parameters by resource type they apply to ("Resource" and "DomainResource" kept)."""
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in params:
        for base in p.get("base") or ():
            by_type[base].append(p)
    return by_type


def for_type(by_type: dict[str, list[dict[str, Any]]], rtype: str) -> list[dict[str, Any]]:
    out = by_type.get(rtype, []) + by_type.get("Resource", [])
    if rtype not in ("Bundle", "Parameters", "Binary"):
        out += by_type.get("DomainResource", [])
    return out


def param_id(p: dict[str, Any]) -> str:
    return str(p["url"]).rsplit("/", 1)[-1]


def cross_check() -> Report:
    definitions = json.loads(DATA.read_text())
    simple = [p for p in definitions if p.get("expression") and is_simple(p["expression"])]
    by_type = applicable(simple)
    oracle = Oracle()
    report = Report(params=len(simple))
    checked_types: set[str] = set()
    for filename, resource in iter_examples():
        rtype = resource["resourceType"]
        # once per type, check that skipping union members rooted at another type is sound
        every_member = rtype not in checked_types
        checked_types.add(rtype)
        for p in for_type(by_type, rtype):
            expression = p["expression"]
            key = (param_id(p), filename)
            report.pairs += 1
            fast = compile_expression(expression)(resource)
            try:
                reference = oracle.evaluate(expression, resource)
                if every_member:
                    report.member_checks += 1
                    full = oracle.evaluate(expression, resource, every_member=True)
                    if not same_nodes(reference, full, union=False):
                        report.errors[key] = "members rooted at another type are not empty"
                        continue
            except Exception as exc:  # fhirpathpy failed: reported, not compared
                report.errors[key] = f"fhirpathpy: {type(exc).__name__}: {str(exc)[:200]}"
                continue
            union = len(split_union(expression)) > 1
            if same_nodes(fast, reference, union):
                report.agreeing += 1
                if union and len(set(map(_canonical, fast))) < len(fast):
                    report.union_duplicates[param_id(p)] += 1
            else:
                report.disagreements[key] = (fast, reference)
    report.of_type_rewrites = sum(oracle.of_type_rewrites.values())
    return report


def _known(key: tuple[str, str]) -> str | None:
    return KNOWN.get(key) or KNOWN.get((key[0], "*"))


def _show(values: list[Any]) -> str:
    return b", ".join(map(_canonical, values)).decode()[:300]


def test_fast_path_matches_fhirpathpy(capsys: pytest.CaptureFixture[str]) -> None:
    if examples_dir() is None:
        pytest.skip("the official R4 examples package is unavailable (npm could not fetch "
                    "hl7.fhir.r4.examples)")
    report = cross_check()
    assert report.params > 1300 and report.pairs > 100_000, report
    expected = {k: v for k, v in report.disagreements.items() if _known(k)}
    unexpected = {k: v for k, v in report.disagreements.items() if not _known(k)}
    seen = {k for k in report.disagreements} | {(k[0], "*") for k in report.disagreements}
    stale = sorted(k for k in KNOWN if k not in seen)
    with capsys.disabled():
        print(f"\nfast path vs fhirpathpy: {report.params} simple SearchParameters, "
              f"{report.pairs} (parameter, example) pairs: {report.agreeing} agree, "
              f"{len(expected)} known disagreements, {len(unexpected)} unexpected, "
              f"{len(report.errors)} fhirpathpy errors")
        print(f"  fhirpathpy evaluated `(x as T)` as `x.ofType(T)` {report.of_type_rewrites} "
              f"times; every union member evaluated (none skipped by type) on "
              f"{report.member_checks} pairs")
        reasons = Counter(_known(k) for k in expected)
        for reason, n in reasons.most_common():
            print(f"  known {n}: {reason}")
        if report.union_duplicates:
            print(f"  agreeing unions where the fast path repeats a node (FHIRPath's | "
                  f"removes duplicates): {sum(report.union_duplicates.values())} "
                  f"({', '.join(f'{k}: {n}' for k, n in report.union_duplicates.most_common(3))})")
    problems = [f"{p} on {f}: fast path {_show(a)} / fhirpathpy {_show(b)}"
                for (p, f), (a, b) in sorted(unexpected.items())]
    problems += [f"{p} on {f}: {why}" for (p, f), why in sorted(report.errors.items())]
    problems += [f"KNOWN entry {k} no longer disagrees: remove it" for k in stale]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:50])
