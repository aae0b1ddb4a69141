"""R4 validation of the types the R4B models can't check as R4 (``fhir_server.r4_validation``).

The R4-only types (https://hl7.org/fhir/R4/resourcelist.html) and Evidence/EvidenceVariable,
changed in R4B (https://hl7.org/fhir/R4B/diff.html), are validated against the R4 definitions;
every official R4 example (https://hl7.org/fhir/R4/downloads.html) must validate, but a listed
few that are invalid R4.
"""

from __future__ import annotations

import copy
import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from fhir_server.r4_validation import CHANGED_TYPES, DATA_FILE, R4_SCHEMA_TYPES, r4_issues
from fhir_server.resource_types import R4_ONLY_TYPES
from fhir_server.validation import validation_issues
from tests.r4_examples import EXAMPLE_COUNT, examples_dir, iter_examples

ROOT = Path(__file__).resolve().parents[1]

REF = {"reference": "EvidenceVariable/example"}
CC = {"coding": [{"system": "http://example.org/codes", "code": "a", "display": "A"}]}
QTY = {"value": 2.5, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}

#: A valid R4 instance of each type validated as R4, with a few elements of its own.
VALID: dict[str, dict[str, Any]] = {
    "EffectEvidenceSynthesis": {
        "status": "draft",
        "population": REF,
        "exposure": REF,
        "exposureAlternative": REF,
        "outcome": REF,
        "sampleSize": {"numberOfStudies": 3, "numberOfParticipants": 120},
        "effectEstimate": [{"type": CC, "value": 0.8, "precisionEstimate": [{"level": 0.95}]}],
    },
    "Evidence": {
        "status": "active",
        "name": "example",
        "exposureBackground": REF,
        "exposureVariant": [REF],
        "outcome": [REF],
        "topic": [CC],
    },
    "EvidenceVariable": {
        "status": "draft",
        "type": "dichotomous",
        "characteristic": [
            {"definitionCodeableConcept": CC, "exclude": False, "groupMeasure": "mean"}
        ],
    },
    "MedicinalProduct": {
        "identifier": [{"system": "http://ema.europa.eu/example/MPID", "value": "1"}],
        "name": [
            {
                "productName": "Equilidem 2.5 mg",
                "namePart": [{"part": "Equilidem", "type": CC["coding"][0]}],
            }
        ],
    },
    "MedicinalProductAuthorization": {
        "subject": {"reference": "MedicinalProduct/example"},
        "status": CC,
        "validityPeriod": {"start": "2015-08-21", "end": "2020-05-20"},
        "procedure": {"type": CC, "datePeriod": {"start": "2015-08-21"}},
    },
    "MedicinalProductContraindication": {
        "disease": CC,
        "otherTherapy": [{"therapyRelationshipType": CC, "medicationCodeableConcept": CC}],
    },
    "MedicinalProductIndication": {
        "diseaseSymptomProcedure": CC,
        "duration": QTY,
        "population": [{"ageRange": {"low": {"value": 18}}}],
    },
    "MedicinalProductIngredient": {
        "role": CC,
        "substance": {
            "code": CC,
            "strength": [{"presentation": {"numerator": QTY, "denominator": QTY}}],
        },
    },
    "MedicinalProductInteraction": {
        "description": "Interaction with grapefruit juice",
        "interactant": [{"itemCodeableConcept": CC}],
        "type": CC,
    },
    "MedicinalProductManufactured": {
        "manufacturedDoseForm": CC,
        "quantity": {"value": 10, "unit": "tablet"},
        "physicalCharacteristics": {"height": QTY, "color": ["yellow"]},
    },
    "MedicinalProductPackaged": {
        "description": "ALU-PVC/PVDC blister",
        "packageItem": [{"type": CC, "quantity": {"value": 1}, "material": [CC]}],
    },
    "MedicinalProductPharmaceutical": {
        "administrableDoseForm": CC,
        "routeOfAdministration": [{"code": CC, "firstDose": QTY}],
    },
    "MedicinalProductUndesirableEffect": {
        "symptomConditionEffect": CC,
        "frequencyOfOccurrence": CC,
    },
    "RiskEvidenceSynthesis": {
        "status": "active",
        "population": REF,
        "outcome": REF,
        "riskEstimate": {"value": 0.12, "numeratorCount": 12, "denominatorCount": 100},
    },
    "SubstanceNucleicAcid": {
        "sequenceType": CC,
        "numberOfSubunits": 1,
        "subunit": [{"subunit": 1, "sequence": "ACGT", "length": 4}],
    },
    "SubstancePolymer": {
        "class": CC,
        "geometry": CC,
        "repeat": [{"numberOfUnits": 2, "repeatUnit": [{"repeatUnit": "CH2"}]}],
    },
    "SubstanceProtein": {
        "numberOfSubunits": 2,
        "disulfideLinkage": ["1-2"],
        "subunit": [{"subunit": 1, "sequence": "MKV", "length": 3}],
    },
    "SubstanceReferenceInformation": {
        "comment": "reference data",
        "gene": [{"geneSequenceOrigin": CC, "gene": CC}],
        "target": [{"target": {"system": "http://example.org", "value": "t"}, "amountString": "1"}],
    },
    "SubstanceSourceMaterial": {
        "sourceMaterialClass": CC,
        "organismName": "Homo sapiens",
        "organism": {"genus": CC, "author": [{"authorDescription": "Linnaeus"}]},
    },
    "SubstanceSpecification": {
        "status": CC,
        "name": [{"name": "Paracetamol", "preferred": True}],
        "moiety": [{"molecularFormula": "C8H9NO2", "amountString": "1"}],
    },
}


def valid(rtype: str) -> dict[str, Any]:
    return {"resourceType": rtype, "id": "example", **copy.deepcopy(VALID[rtype])}


def wrong_type(value: Any) -> Any:
    """A value of another JSON type than ``value``."""
    if isinstance(value, bool | str):
        return 42
    if isinstance(value, int | float):
        return "forty-two"
    return "not an object" if isinstance(value, dict) else {"not": "an array"}


def test_schema_types_are_the_r4_only_and_changed_types() -> None:
    assert R4_SCHEMA_TYPES == R4_ONLY_TYPES | CHANGED_TYPES
    assert CHANGED_TYPES == {"Evidence", "EvidenceVariable"}
    assert set(VALID) == R4_SCHEMA_TYPES


def test_data_file_is_small_and_covers_the_types() -> None:
    assert DATA_FILE.stat().st_size < 2 * 1024 * 1024
    data = json.loads(gzip.decompress(DATA_FILE.read_bytes()))
    assert set(data["types"]) == R4_SCHEMA_TYPES
    assert R4_SCHEMA_TYPES <= set(data["definitions"])


@pytest.mark.parametrize("rtype", sorted(R4_SCHEMA_TYPES))
def test_valid_instance_passes(rtype: str) -> None:
    assert validation_issues(valid(rtype)) == []


@pytest.mark.parametrize("rtype", sorted(R4_SCHEMA_TYPES))
def test_unknown_element_is_rejected(rtype: str) -> None:
    resource = valid(rtype) | {"madeUpElement": "x"}
    assert validation_issues(resource) == [
        {
            "severity": "error",
            "code": "structure",
            "diagnostics": f"{rtype}.madeUpElement: Unknown element",
            "expression": [f"{rtype}.madeUpElement"],
        }
    ]


@pytest.mark.parametrize("rtype", sorted(R4_SCHEMA_TYPES))
def test_wrong_type_is_rejected(rtype: str) -> None:
    resource = valid(rtype)
    element = next(k for k in VALID[rtype] if k != "status")
    resource[element] = wrong_type(resource[element])
    issues = validation_issues(resource)
    assert [i["expression"] for i in issues] == [[f"{rtype}.{element}"]]
    assert issues[0]["code"] == "value"


def test_r4b_would_reject_r4_evidence() -> None:
    """Evidence in its R4 shape (https://hl7.org/fhir/R4/evidence.html) is not R4B's."""
    from fhir.resources.R4B.evidence import Evidence

    with pytest.raises(ValueError):
        Evidence.model_validate(valid("Evidence"))


def test_values_cardinality_codes_and_choices() -> None:
    resource = valid("RiskEvidenceSynthesis") | {
        "date": "2020-13-01",
        "status": "bogus",
        "url": ["http://a"],
        "riskEstimate": {"value": 1, "numeratorCount": 1.5},
    }
    resource["population"] = {"reference": "Group/1", "display": ""}
    assert {i["expression"][0]: i["diagnostics"] for i in r4_issues(resource)} == {
        "RiskEvidenceSynthesis.date": "RiskEvidenceSynthesis.date: '2020-13-01' is not a valid "
        "dateTime",
        "RiskEvidenceSynthesis.status": "RiskEvidenceSynthesis.status: 'bogus' is not one of "
        "['draft', 'active', 'retired', 'unknown']",
        "RiskEvidenceSynthesis.url": "RiskEvidenceSynthesis.url: ['http://a'] is not of type "
        "'string'",
        "RiskEvidenceSynthesis.riskEstimate.numeratorCount": "RiskEvidenceSynthesis.riskEstimate"
        ".numeratorCount: 1.5 is not of type 'integer'",
        "RiskEvidenceSynthesis.population.display": "RiskEvidenceSynthesis.population.display: "
        "'' is not a valid string",
    }
    choice = valid("SubstanceReferenceInformation")
    choice["target"][0]["amountQuantity"] = QTY
    assert [i["diagnostics"] for i in r4_issues(choice)] == [
        "SubstanceReferenceInformation.target[0]: only one of amount[x] may be given, not "
        "['amountQuantity', 'amountString']"
    ]


def test_required_elements() -> None:
    resource = valid("Evidence")
    del resource["status"], resource["exposureBackground"]
    assert {(i["code"], i["diagnostics"]) for i in r4_issues(resource)} == {
        ("required", "Evidence: 'exposureBackground' is a required property"),
        ("required", "Evidence: 'status' is a required property"),
    }
    # A required primitive may carry only extensions (https://hl7.org/fhir/R4/json.html).
    resource["exposureBackground"] = REF
    resource["_status"] = {"extension": [{"url": "http://example.org/x", "valueCode": "z"}]}
    assert r4_issues(resource) == []


def test_nested_r4_resources_are_validated_in_place() -> None:
    product = valid("MedicinalProduct")
    bundle: dict[str, Any] = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"fullUrl": "http://example.org/MedicinalProduct/1", "resource": product}],
    }
    assert validation_issues(bundle) == []
    product["madeUpElement"] = 1
    bundle["entry"].append({"resource": {"resourceType": "NoSuchType"}})
    assert [i["expression"] for i in validation_issues(bundle)] == [
        ["Bundle.entry[0].resource.madeUpElement"],
        ["Bundle.entry[1].resource.resourceType"],
    ]
    patient = {"resourceType": "Patient", "birthDate": "yesterday"}
    protein = valid("SubstanceProtein") | {"contained": [patient, valid("SubstancePolymer")]}
    issues = validation_issues(protein)
    assert [i["expression"] for i in issues] == [["SubstanceProtein.contained[0].birthDate"]]
    assert validation_issues({"resourceType": "Basic", "code": CC, "contained": [protein]})


def test_extension_on_an_extension_value() -> None:
    """``_valueString`` in an extension is valid R4 JSON that the R4B model rejects."""
    translation = {"url": "lang", "valueCode": "nl"}
    extension = {"url": "http://example.org/x", "valueString": "a", "_valueString": {}}
    extension["_valueString"] = {"extension": [{"url": "translation", "extension": [translation]}]}
    patient = {"resourceType": "Patient", "extension": [extension]}
    assert validation_issues(patient) == []
    extension["_valueString"] = {"madeUp": 1}
    assert [i["expression"] for i in validation_issues(patient)] == [
        ["Patient.extension[0]._valueString.madeUp"]
    ]


@pytest.fixture(scope="module")
def examples() -> Path:
    folder = examples_dir()
    if folder is None:
        pytest.skip("npm could not fetch hl7.fhir.r4.examples@4.0.1 (needs npm and its registry)")
    return folder


#: Official R4 examples that are not valid R4, with the reason.
KNOWN_INVALID: dict[str, str] = {
    "Bundle-v2-valuesets.json": "holds CodeSystem-v2-0550 (see there)",
    "CodeSystem-v2-0550.json": "concept codes with a (mis-encoded) non-breaking space, "
    "not a valid code (https://hl7.org/fhir/R4/datatypes.html#code)",
    "ImplementationGuide-fhir.json": "no name nor status (both 1..1)",
    "Questionnaire-qs1.json": "nested items without linkId (1..1)",
    "ig-r4.json": "no name nor status (both 1..1)",
    **{
        f"SearchParameter-{owner.lower()}-extensions-{owner}-{code}.json": "no base (1..*)"
        for owner in ("CodeSystem", "ValueSet")
        for code in ("author", "effective", "end", "keyword", "workflow")
    },
}


def test_all_official_examples(examples: Path) -> None:
    """All 5,306 examples but :data:`KNOWN_INVALID` are valid (those of R4-only types too)."""
    failures: dict[str, list[str]] = {}
    count = 0
    r4_typed: set[str] = set()
    for name, resource in iter_examples(examples):
        count += 1
        if resource["resourceType"] in R4_SCHEMA_TYPES:
            r4_typed.add(resource["resourceType"])
        issues = validation_issues(resource)
        if issues:
            failures[name] = [i["diagnostics"] for i in issues[:3]]
    assert count == EXAMPLE_COUNT
    assert (count - len(failures)) / count >= 0.99
    assert set(failures) == set(KNOWN_INVALID), {n: failures.get(n) for n in failures}
    # 15 of the 20 types have an example; the five Substance* others are covered by VALID.
    assert len(r4_typed) == 15


@pytest.mark.skipif(shutil.which("npm") is None, reason="npm is needed to rebuild the data")
def test_data_file_is_reproducible() -> None:
    script = ROOT / "scripts" / "build_r4_definitions.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("rtype", ["Patient", "SubstanceProtein"])
def test_absurd_nesting_is_an_issue_not_a_crash(rtype: str) -> None:
    extension: dict[str, Any] = {"url": "http://example.org/x"}
    for _ in range(3000):
        extension = {"url": "http://example.org/x", "extension": [extension]}
    issues = validation_issues({"resourceType": rtype, "extension": [extension]})
    assert issues and {i["code"] for i in issues} == {"too-costly"}
