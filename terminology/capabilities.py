"""What the terminology service declares: ``instantiates`` the terminology-server
CapabilityStatement (https://hl7.org/fhir/R4/terminology-service.html#capabilities), the
TerminologyCapabilities answered for ``/metadata?mode=terminology``
(https://hl7.org/fhir/R4/terminologycapabilities.html) and ``$versions``
(https://build.fhir.org/ig/HL7/fhir-tx-ecosystem-ig/OperationDefinition-versions.html).
"""

from __future__ import annotations

from typing import Any

from fhir_server import FHIR_VERSION, __version__, capability
from fhir_server.fhirtime import instant, now
from fhir_server.ops import OperationSpec, OpRequest, register

from .model import Json

TERMINOLOGY_SERVER = "http://hl7.org/fhir/CapabilityStatement/terminology-server"
FEATURE = "http://hl7.org/fhir/uv/application-feature/StructureDefinition/feature"
CS_AS_PARAMETER = ("http://hl7.org/fhir/uv/tx-ecosystem/FeatureDefinition/"
                   "CodeSystemAsParameter")
TEST_VERSION = "http://hl7.org/fhir/uv/tx-tests/FeatureDefinition/test-version"
#: version of the HL7 terminology ecosystem tests this server is checked against
TESTS_VERSION = "1.7.7"

EXPAND_PARAMETERS = [
    "activeOnly", "check-system-version", "count", "displayLanguage", "excludeNested",
    "filter", "force-system-version", "includeDefinition", "includeDesignations", "offset",
    "property", "system-version", "tx-resource",
]


def _feature(definition: str, value: str | None) -> Json:
    ext: list[Json] = [{"url": "definition", "valueCanonical": definition}]
    ext.append({"url": "value", "valueCode": value} if value else {"url": "value"})
    return {"url": FEATURE, "extension": ext}


def complete(statement: dict[str, Any]) -> None:
    """Add what a terminology server declares to the CapabilityStatement."""
    statement.setdefault("url", statement.get("implementation", {}).get("url", "")
                         + "/metadata")
    statement.setdefault("version", __version__)
    statement.setdefault("name", "FhirAiServer")
    statement.setdefault("title", "FHIR AI Server")
    statement.setdefault("instantiates", [])
    if TERMINOLOGY_SERVER not in statement["instantiates"]:
        statement["instantiates"].append(TERMINOLOGY_SERVER)
    statement.setdefault("extension", []).extend([
        _feature(TEST_VERSION, TESTS_VERSION), _feature(CS_AS_PARAMETER, None)])
    statement.setdefault("software", {}).setdefault("releaseDate", "2026-11-28")


def terminology_capabilities(base: str) -> dict[str, Any]:
    """The TerminologyCapabilities resource of this server."""
    return {
        "resourceType": "TerminologyCapabilities",
        "url": base + "/metadata?mode=terminology",
        "version": __version__,
        "name": "FhirAiServerTerminology",
        "title": "FHIR AI Server terminology capabilities",
        "status": "active",
        "date": instant(now()),
        "kind": "instance",
        "software": {"name": "FHIR AI Server", "version": __version__},
        "implementation": {"description": "FHIR AI Server", "url": base},
        "codeSearch": "all",
        "expansion": {"hierarchical": True, "paging": True,
                      "parameter": [{"name": n} for n in EXPAND_PARAMETERS]},
        "validateCode": {"translations": False},
        "translation": {"needsMap": True},
        "closure": {"translation": False},
    }


def versions(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    """``$versions``: the FHIR versions served (only R4)."""
    return 200, {"resourceType": "Parameters", "parameter": [
        {"name": "version", "valueCode": FHIR_VERSION},
        {"name": "default", "valueCode": FHIR_VERSION}]}, {}


def install() -> None:
    if complete not in capability.EXTRA:
        capability.EXTRA.append(complete)
    capability.MODES["terminology"] = terminology_capabilities
    register(OperationSpec("versions", versions,
                           "http://hl7.org/fhir/uv/tx-ecosystem/OperationDefinition/versions",
                           system=True, get_allowed=True,
                           documentation="FHIR versions this server supports"))
