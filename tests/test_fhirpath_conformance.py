"""The official FHIRPath test suite (fhir-test-cases, ``r4/fhirpath-tests-fhir-r4.xml``) run
against fhirpathpy with its R4 model, the engine that evaluates the search parameter
expressions outside the simple subset compiled by ``fhir_server.search.paths``.

The suite lives next to the repository (``../shared/fhir-test-cases``); the test is skipped,
with the reason, when it is absent. Each case names an input resource (``patient-example.xml``
...). Those files are looked up next to the suite; when they are not there, the same resources
are taken from the official R4 examples package (``tests/r4_examples.py``: the suite's inputs
are the specification's examples, published there as JSON under ``Type-id.json``). Cases
whose input is in neither place are counted as skipped, with the reason.

A case passes when fhirpathpy gives exactly the expected typed outputs (count, order unless
``ordered="false"``, type and value), or raises for an expression marked ``invalid``. The pass
count must not fall below the figure measured when the test was written (``MIN_PASSED``);
the rate is printed.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.r4_examples import examples_dir

SHARED = Path(__file__).resolve().parents[2] / "shared"
SUITE_DIR = SHARED / "fhir-test-cases" / "r4"
SUITE = SUITE_DIR / "fhirpath-tests-fhir-r4.xml"
#: Where the suite's input files would be (the upstream layout keeps them in ``input/``).
INPUT_DIRS = (SUITE_DIR, SUITE_DIR / "input", SUITE_DIR / "fhirpath" / "input")
#: Input files whose resource in the examples package has an id other than the file name's.
EXAMPLE_ALIASES = {
    "questionnaire-example": "Questionnaire-3141.json",
    "explanationofbenefit-example": "ExplanationOfBenefit-EB3500.json",
}
#: Cases whose expected output depends on content of the suite's own input file that the
#: examples package resource lacks; left out when the input comes from the package.
INPUT_DIFFERS = {
    "testFHIRPathAsFunction14": "ValueSet.version is 20150622 in the suite's file, 4.0.1 in "
                                "the package",
    "testFHIRPathAsFunction19": "ValueSet.version is 20150622 in the suite's file, 4.0.1 in "
                                "the package",
    "testFHIRPathIsFunction8": "the suite's observation-example.xml has a patient-age "
                               "extension the specification's example lacks",
    "testFHIRPathIsFunction9": "the suite's observation-example.xml has a patient-age "
                               "extension the specification's example lacks",
    "testFHIRPathIsFunction10": "the suite's observation-example.xml has a patient-age "
                                "extension the specification's example lacks",
}
UNAVAILABLE = "the R4 examples package is unavailable (npm)"
#: Passing cases measured with fhirpathpy 2.2.4 and the examples package 4.0.1.
MIN_PASSED = 766


@dataclass
class Case:
    name: str
    group: str
    expression: str
    inputfile: str | None
    outputs: list[tuple[str, str]]
    invalid: str | None = None
    predicate: bool = False
    ordered: bool = True
    mode: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)


def load_cases(path: Path = SUITE) -> list[Case]:
    """Every ``<test>`` of the suite (commented-out tests are not parsed)."""
    root = ET.parse(path).getroot()
    cases = []
    for group in root.iter("group"):
        for i, test in enumerate(group.findall("test")):
            expr = test.find("expression")
            if expr is None:
                continue
            attrs = {**test.attrib, **expr.attrib}
            cases.append(Case(
                name=test.get("name") or f"{group.get('name')}#{i}",
                group=group.get("name") or "",
                expression=expr.text or "",
                inputfile=test.get("inputfile"),
                outputs=[(o.get("type") or "", o.text or "") for o in test.findall("output")],
                invalid=expr.get("invalid") or test.get("invalid"),
                predicate=test.get("predicate") == "true",
                ordered=test.get("ordered") != "false",
                mode=attrs.get("mode"),
                attrs=attrs,
            ))
    return cases


# --------------------------------------------------------------------------- inputs

def _parse_json(text: str | bytes) -> dict[str, Any]:
    # decimals as Decimal, so 1.0 keeps its precision and is not a float (as FHIR requires)
    return dict(json.loads(text, parse_float=Decimal))


def _xml_to_json(path: Path) -> dict[str, Any]:
    """An XML resource as FHIR JSON, through the fhir.resources (R4B) models."""
    import importlib

    root = ET.parse(path).getroot()
    rtype = root.tag.rsplit("}", 1)[-1]
    module = importlib.import_module(f"fhir.resources.R4B.{rtype.lower()}")
    model = getattr(module, rtype).model_validate_xml(path.read_bytes())
    return _parse_json(model.model_dump_json(exclude_none=True))


def _from_examples(name: str) -> Path | None:
    folder = examples_dir()
    if folder is None:
        return None
    stem = name.rsplit(".", 1)[0]
    alias = EXAMPLE_ALIASES.get(stem)
    if alias:
        found = folder / alias
        return found if found.is_file() else None
    prefix, _, rid = stem.partition("-")
    for candidate in folder.glob(f"*-{rid}.json"):
        if candidate.name.lower() == f"{prefix}-{rid}.json".lower():
            return candidate
    return None


@cache
def load_input(name: str) -> tuple[dict[str, Any] | None, str]:
    """(resource, where it came from) for an input file; (None, reason) when unavailable."""
    for folder in INPUT_DIRS:
        path = folder / name
        if path.is_file():
            if name.endswith(".json"):
                return _parse_json(path.read_bytes()), str(path)
            return _xml_to_json(path), f"{path} (converted to JSON)"
    example = _from_examples(name)
    if example is not None:
        return _parse_json(example.read_bytes()), f"examples package {example.name}"
    if examples_dir() is None:
        return None, f"{name} is not in {SUITE_DIR} and {UNAVAILABLE}"
    return None, (f"{name} is not in {SUITE_DIR} nor in the R4 examples package (a file made "
                  "for the test suite only)")


# --------------------------------------------------------------------------- comparison

def _is_number(v: Any) -> bool:
    return isinstance(v, int | float | Decimal) and not isinstance(v, bool)


def _quantity(text: str) -> tuple[Decimal, str] | None:
    m = re.fullmatch(r"\s*([-+]?\d+(?:\.\d+)?)\s*(?:'([^']*)'|(\S+))?\s*", text)
    if not m:
        return None
    return Decimal(m.group(1)), m.group(2) if m.group(2) is not None else (m.group(3) or "1")


def value_matches(kind: str, expected: str, got: Any) -> bool:
    """Does the engine's value ``got`` equal the suite's ``<output type=kind>expected``?"""
    cls = type(got).__name__
    if kind == "boolean":
        return isinstance(got, bool) and got == (expected == "true")
    if kind == "integer":
        return isinstance(got, int) and not isinstance(got, bool) and got == int(expected)
    if kind == "decimal":
        if not _is_number(got) or isinstance(got, int):
            return False
        try:
            return Decimal(str(got)) == Decimal(expected)
        except InvalidOperation:
            return False
    if kind in ("string", "code", "id", "uri", "url", "canonical", "markdown", "oid", "uuid"):
        return isinstance(got, str) and got == expected
    if kind in ("date", "dateTime", "instant", "time"):
        want = expected[1:] if expected.startswith("@") else expected
        if kind == "time":
            want = want.removeprefix("T")
        if isinstance(got, str) or cls in ("FP_DateTime", "FP_Time"):
            return str(got) == want
        return False
    if kind == "Quantity":
        want_q = _quantity(expected)
        if cls != "FP_Quantity" or want_q is None:
            return False
        unit = str(got.unit).strip("'")
        return Decimal(str(got.value)) == want_q[0] and unit == want_q[1]
    return False


def _to_boolean(result: list[Any]) -> list[Any]:
    """``predicate="true"``: the result as a boolean (empty: false; one boolean: itself)."""
    if not result:
        return [False]
    if len(result) == 1 and isinstance(result[0], bool):
        return result
    return [True]


def run_case(case: Case, resource: dict[str, Any]) -> tuple[bool, str]:
    """(passed, what happened)."""
    import fhirpathpy
    from fhirpathpy.models import models

    try:
        with contextlib.redirect_stdout(io.StringIO()):  # trace() prints
            result = fhirpathpy.evaluate(resource, case.expression, {}, models["r4"])
    except Exception as exc:  # any failure to parse or evaluate is the engine's error
        if case.invalid:
            return True, f"raised as expected ({case.invalid})"
        return False, f"raised {type(exc).__name__}: {str(exc)[:120]}"
    if case.invalid:
        return False, f"expected a {case.invalid} error, got {_show(result)}"
    if case.predicate:
        result = _to_boolean(result)
    if len(result) != len(case.outputs):
        return False, f"expected {_show_expected(case)}, got {_show(result)}"
    pairs: list[tuple[tuple[str, str], Any]]
    if case.ordered:
        pairs = list(zip(case.outputs, result, strict=True))
        ok = all(value_matches(k, e, g) for (k, e), g in pairs)
    else:
        remaining = list(result)
        ok = True
        for kind, expected in case.outputs:
            hit = next((g for g in remaining if value_matches(kind, expected, g)), _MISSING)
            if hit is _MISSING:
                ok = False
                break
            remaining.remove(hit)
    if not ok:
        return False, f"expected {_show_expected(case)}, got {_show(result)}"
    return True, "ok"


_MISSING = object()


def _show(values: list[Any]) -> str:
    return "[" + ", ".join(f"{type(v).__name__}:{v}" for v in values)[:160] + "]"


def _show_expected(case: Case) -> str:
    return "[" + ", ".join(f"{k}:{e}" for k, e in case.outputs)[:160] + "]"


# --------------------------------------------------------------------------- the test

@dataclass
class Outcome:
    passed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def run(self) -> int:
        return len(self.passed) + len(self.failed)


def failure_kinds(failed: list[tuple[str, str]]) -> Counter[str]:
    """Failures grouped by what went wrong, for the printed summary."""
    kinds: Counter[str] = Counter()
    for _, why in failed:
        if "Not implemented" in why:
            kinds["function not implemented by fhirpathpy"] += 1
        elif why.startswith("expected a semantic"):
            kinds["no semantic (strict mode / type) checking"] += 1
        elif why.startswith("expected a"):
            kinds["no error raised where the suite expects one"] += 1
        elif why.startswith("raised"):
            kinds["unexpected error"] += 1
        else:
            kinds["wrong result"] += 1
    return kinds


def run_suite(cases: list[Case]) -> Outcome:
    out = Outcome()
    for case in cases:
        if case.inputfile:
            resource, source = load_input(case.inputfile)
            if resource is None:
                out.skipped[source] += 1
                continue
            out.sources[case.inputfile] = source
            if source.startswith("examples package") and case.name in INPUT_DIFFERS:
                out.skipped[f"{case.name}: {INPUT_DIFFERS[case.name]}"] += 1
                continue
        else:
            resource = {}
        ok, why = run_case(case, resource)
        if ok:
            out.passed.append(case.name)
        else:
            out.failed.append((f"{case.group}/{case.name}: {case.expression.strip()[:80]}", why))
    return out


def test_fhirpath_suite(capsys: pytest.CaptureFixture[str]) -> None:
    if not SUITE.is_file():
        pytest.skip(f"FHIRPath test suite not found at {SUITE}")
    cases = load_cases()
    assert len(cases) > 900, f"only {len(cases)} test cases parsed from {SUITE}"
    out = run_suite(cases)
    total = len(cases)
    rate = len(out.passed) / out.run if out.run else 0.0
    with capsys.disabled():
        print(f"\nFHIRPath suite on fhirpathpy (r4 model): {len(out.passed)}/{out.run} passed "
              f"({rate:.1%}) of {total} cases; {sum(out.skipped.values())} skipped")
        for reason, n in out.skipped.items():
            print(f"  skipped {n}: {reason}")
        for name, source in sorted(out.sources.items()):
            print(f"  input {name}: {source}")
        for kind, n in failure_kinds(out.failed).most_common():
            print(f"  failed {n}: {kind}")
    unavailable = [r for r in out.skipped if r.endswith(UNAVAILABLE)]
    if out.run == 0 or unavailable:
        pytest.skip("FHIRPath test inputs unavailable: " + "; ".join(unavailable or out.skipped))
    failures = "\n".join(f"  {n}\n      {why}" for n, why in out.failed)
    assert len(out.passed) >= MIN_PASSED, (
        f"{len(out.passed)} FHIRPath cases pass, fewer than the {MIN_PASSED} measured "
        f"before; failing cases:\n{failures}")
