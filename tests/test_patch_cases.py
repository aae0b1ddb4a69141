"""The official FHIR patch test cases against fhir_server.patch.

Cases come from the shared fhir-test-cases checkout (r4/json-patch-tests.json and
r4/fhir-patch-tests.xml); see https://hl7.org/fhir/R4/http.html#patch and
https://hl7.org/fhir/R4/fhirpatch.html. Without ../shared every case skips with a reason.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from fhir_server.errors import OperationOutcomeError
from fhir_server.patch import apply_fhirpath_patch, apply_json_patch


def _shared_dir() -> Path | None:
    here = Path(__file__).resolve()
    for candidate in (here.parents[2] / "shared", here.parents[1].parent / "shared"):
        if (candidate / "fhir-test-cases" / "r4").is_dir():
            return candidate / "fhir-test-cases" / "r4"
    return None


CASES_DIR = _shared_dir()
NO_SHARED = "shared/fhir-test-cases/r4 not found beside the repository"

# Cases that cannot pass, with the reason (case name -> reason).
XML_XFAIL: dict[str, str] = {}
JSON_XFAIL: dict[str, str] = {}


def _json_cases() -> list[Any]:
    if CASES_DIR is None:
        return [pytest.param(None, id="json-patch-tests-missing")]
    cases = json.loads((CASES_DIR / "json-patch-tests.json").read_text(encoding="utf-8"))
    params = []
    for position, case in enumerate(cases):
        name = case.get("comment") or f"case {position}"
        marks = []
        if case.get("disabled"):
            marks.append(pytest.mark.skip(reason="disabled in the official suite"))
        if name in JSON_XFAIL:
            marks.append(pytest.mark.xfail(reason=JSON_XFAIL[name], strict=True))
        params.append(pytest.param(case, id=name, marks=marks))
    return params


def _xml_cases() -> list[Any]:
    if CASES_DIR is None:
        return [pytest.param(None, id="fhir-patch-tests-missing")]
    try:
        from lxml import etree
    except ImportError:
        return [pytest.param(None, id="lxml-missing")]
    root = etree.parse(str(CASES_DIR / "fhir-patch-tests.xml")).getroot()
    params = []
    for case in root.iterfind("case"):
        name = case.get("name")
        marks = []
        if name in XML_XFAIL:
            marks.append(pytest.mark.xfail(reason=XML_XFAIL[name], strict=True))
        params.append(pytest.param(case, id=name, marks=marks))
    return params


def _resource(wrapper: Any) -> dict[str, Any]:
    """The FHIR XML resource inside `wrapper`, as normalised FHIR JSON."""
    from fhir.resources.R4B import get_fhir_model_class
    from lxml import etree

    element = next(child for child in wrapper if isinstance(child.tag, str))
    model = get_fhir_model_class(etree.QName(element).localname)
    return _dump(model.model_validate_xml(etree.tostring(element)))


def _normalised(resource: dict[str, Any]) -> dict[str, Any]:
    """Round-trip JSON through the R4B model so both sides are compared the same way."""
    from fhir.resources.R4B import get_fhir_model_class

    return _dump(get_fhir_model_class(resource["resourceType"]).model_validate(resource))


def _dump(model: Any) -> dict[str, Any]:
    dumped: dict[str, Any] = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    return _strip_div(dumped)


def _strip_div(value: Any) -> Any:
    """Trim narrative XHTML: the XML reader keeps the whitespace that follows `</div>`."""
    if isinstance(value, dict):
        return {
            k: v.strip() if k == "div" and isinstance(v, str) else _strip_div(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_strip_div(item) for item in value]
    return value


@pytest.mark.parametrize("case", _json_cases())
def test_json_patch_case(case: dict[str, Any] | None) -> None:
    if case is None:
        pytest.skip(NO_SHARED)
    doc = copy.deepcopy(case["doc"])
    if "error" in case:
        with pytest.raises(OperationOutcomeError) as raised:
            apply_json_patch(doc, case["patch"])
        assert raised.value.status == 422, raised.value.issues
    else:
        assert apply_json_patch(doc, case["patch"]) == case["expected"]
    assert doc == case["doc"], "the input document must not change"


@pytest.mark.parametrize("case", _xml_cases())
def test_fhirpath_patch_case(case: Any) -> None:
    if case is None:
        pytest.skip(NO_SHARED if CASES_DIR is None else "lxml is needed to read FHIR XML")
    source = _resource(case.find("input"))
    parameters = _resource(case.find("diff"))
    before = copy.deepcopy(source)
    error = case.find("error")
    if error is not None:
        with pytest.raises(OperationOutcomeError) as raised:
            apply_fhirpath_patch(source, parameters)
        assert raised.value.status == 422
        assert raised.value.issues[0]["diagnostics"] == error.get("msg")
    else:
        patched = apply_fhirpath_patch(source, parameters)
        expected = _resource(case.find("output"))
        assert _strip_div(patched) == expected
        assert _normalised(patched) == expected, "the patched resource must stay valid"
    assert source == before, "the input resource must not change"


# --- behaviour the official cases leave out ------------------------------------------------


def _op(kind: str, path: str, *parts: dict[str, Any]) -> dict[str, Any]:
    head = [{"name": "type", "valueCode": kind}, {"name": "path", "valueString": path}]
    return {"name": "operation", "part": head + list(parts)}


def _params(*operations: dict[str, Any]) -> dict[str, Any]:
    return {"resourceType": "Parameters", "parameter": list(operations)}


NAMED = {
    "resourceType": "Patient",
    "deceasedBoolean": False,
    "birthDate": "2000-01-01",
    "name": [{"given": ["a", "b", "c"], "_given": [None, {"id": "x"}, None]}],
}


def test_repeating_primitive_extensions_stay_aligned() -> None:
    moved = apply_fhirpath_patch(
        NAMED,
        _params(
            _op("delete", "Patient.name.given[0]"),
            _op(
                "move",
                "Patient.name.given",
                {"name": "source", "valueInteger": 0},
                {"name": "destination", "valueInteger": 1},
            ),
        ),
    )
    assert moved["name"] == [{"given": ["c", "b"], "_given": [None, {"id": "x"}]}]
    removed = apply_fhirpath_patch(NAMED, _params(_op("delete", "Patient.name.given[1]")))
    assert removed["name"] == [{"given": ["a", "c"]}]


def test_add_extension_to_primitive_and_replace_choice_type() -> None:
    extension = {"url": "http://example.org/x", "valueString": "v"}
    patched = apply_fhirpath_patch(
        NAMED,
        _params(
            _op(
                "add",
                "Patient.birthDate",
                {"name": "name", "valueString": "extension"},
                {"name": "value", "valueExtension": extension},
            ),
            _op("replace", "Patient.deceased", {"name": "value", "valueDateTime": "2020"}),
        ),
    )
    assert patched["_birthDate"] == {"extension": [extension]}
    assert patched["deceasedDateTime"] == "2020" and "deceasedBoolean" not in patched
    assert NAMED["deceasedBoolean"] is False, "the input resource must not change"


@pytest.mark.parametrize(
    ("parameters", "status"),
    [
        ({"resourceType": "Bundle"}, 400),
        (_params(_op("frob", "Patient")), 400),
        (_params(_op("replace", "Patient.birthDate")), 400),
        (_params(_op("replace", "Patient.gender", {"name": "value", "valueCode": "male"})), 422),
        (_params(_op("delete", "Patient.name.given")), 422),
        (
            _params(
                _op(
                    "insert",
                    "Patient.name.given",
                    {"name": "index", "valueInteger": 9},
                    {"name": "value", "valueString": "z"},
                )
            ),
            422,
        ),
        (
            _params(
                _op(
                    "add",
                    "Patient",
                    {"name": "name", "valueString": "birthDate"},
                    {"name": "value", "valueDate": "2001-01-01"},
                )
            ),
            422,
        ),
    ],
)
def test_fhirpath_patch_errors(parameters: dict[str, Any], status: int) -> None:
    with pytest.raises(OperationOutcomeError) as raised:
        apply_fhirpath_patch(NAMED, parameters)
    assert raised.value.status == status


@pytest.mark.parametrize(
    ("operations", "status"),
    [
        ({"op": "add", "path": "/a", "value": 1}, 400),
        ([{"path": "/a", "value": 1}], 400),
        ([{"op": "add", "path": "a", "value": 1}], 400),
        ([{"op": "remove", "path": "/missing"}], 422),
        ([{"op": "replace", "path": "", "value": 1}], 422),
    ],
)
def test_json_patch_errors(operations: Any, status: int) -> None:
    with pytest.raises(OperationOutcomeError) as raised:
        apply_json_patch(dict(NAMED), operations)
    assert raised.value.status == status
