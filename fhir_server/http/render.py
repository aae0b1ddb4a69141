"""FHIR responses: content negotiation, ``_pretty``, ``_summary``/``_elements``, ``Prefer``.

See https://hl7.org/fhir/R4/http.html#mime-type, #parameters and #return.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import orjson
from fastapi import Request
from fastapi.responses import Response
from fhir.resources.R4B import get_fhir_model_class

from ..errors import bad_request, information, not_acceptable
from ..fhirtime import http_date
from ..storage.repository import Stored

FHIR_JSON = "application/fhir+json"
JSON_TYPES = ("application/fhir+json", "application/json", "json", "application/*", "*/*",
              "text/json")
SUBSETTED = {"system": "http://terminology.hl7.org/CodeSystem/v3-ObservationValue",
             "code": "SUBSETTED"}


def wants_pretty(request: Request) -> bool:
    return request.query_params.get("_pretty") == "true"


def check_acceptable(request: Request) -> None:
    """Only JSON is served; ``_format=xml`` or an XML-only Accept header gets 406."""
    fmt = request.query_params.get("_format")
    if fmt and not any(fmt.startswith(t) for t in JSON_TYPES):
        raise not_acceptable(f"_format {fmt!r} is not supported; this server speaks JSON")
    accept = request.headers.get("accept")
    if fmt or not accept:
        return
    types = [part.split(";")[0].strip() for part in accept.split(",")]
    if not any(t in JSON_TYPES or t.endswith("+json") for t in types):
        raise not_acceptable(f"Accept {accept!r} is not supported; use {FHIR_JSON}")


def fhir_response(body: Any, status: int = 200, headers: dict[str, str] | None = None,
                  pretty: bool = False) -> Response:
    if body is None:
        return Response(status_code=status, headers=headers)
    option = orjson.OPT_INDENT_2 if pretty else 0
    return Response(orjson.dumps(body, option=option), status_code=status, headers=headers,
                    media_type=f"{FHIR_JSON}; charset=utf-8")


def version_headers(stored: Stored, location: str | None = None) -> dict[str, str]:
    headers = {"ETag": f'W/"{stored.version_id}"', "Last-Modified": http_date(stored.last_updated)}
    if location:
        headers["Location"] = location
        headers["Content-Location"] = location
    return headers


def prefer(request: Request, key: str) -> str | None:
    """Value of one Prefer token (https://hl7.org/fhir/R4/http.html#ops, RFC 7240)."""
    for header in request.headers.getlist("prefer"):
        for part in header.split(","):
            name, _, value = part.strip().partition("=")
            if name.strip().lower() == key:
                return value.strip().strip('"') or "true"
    return None


def prefer_body(request: Request, resource: dict[str, Any] | None, message: str) -> Any:
    """Body for ``Prefer: return=minimal|representation|OperationOutcome``."""
    choice = prefer(request, "return") or "representation"
    if choice == "minimal":
        return None
    if choice == "OperationOutcome":
        return information(message)
    return resource


@cache
def summary_elements(resource_type: str) -> frozenset[str]:
    """Element names flagged isSummary in the resource definition."""
    try:
        model = get_fhir_model_class(resource_type)
    except (KeyError, ValueError, AttributeError, ImportError):
        return frozenset({"id", "meta"})
    names = set()
    for name, field in model.model_fields.items():
        extra = field.json_schema_extra
        if isinstance(extra, dict) and extra.get("summary_element_property"):
            alias = field.alias or name
            names.add(alias)
            names.add("_" + alias)
    return frozenset(names)


def _subsetted(resource: dict[str, Any]) -> dict[str, Any]:
    meta = dict(resource.get("meta") or {})
    meta["tag"] = [*meta.get("tag", []), SUBSETTED]
    resource["meta"] = meta
    return resource


def shape(resource: dict[str, Any], summary: str | None, elements: str | None) -> dict[str, Any]:
    """Apply ``_summary`` and ``_elements`` (https://hl7.org/fhir/R4/search.html#summary)."""
    rtype = resource.get("resourceType", "")
    if summary in (None, "false") and not elements:
        return resource
    if summary == "true":
        keep = summary_elements(rtype) | {"resourceType", "id", "meta"}
        return _subsetted({k: v for k, v in resource.items() if k in keep})
    if summary == "text":
        keep_text = {"resourceType", "id", "meta", "text"}
        mandatory = _mandatory(rtype)
        return _subsetted({k: v for k, v in resource.items() if k in keep_text or k in mandatory})
    if summary == "data":
        return _subsetted({k: v for k, v in resource.items() if k != "text"})
    if summary not in (None, "false", "count"):
        raise bad_request(f"Invalid _summary value {summary!r}", "_summary")
    if elements:
        names = {e.strip().split(".")[-1] for e in elements.split(",") if e.strip()}
        wanted = names | {"_" + w for w in names} | {"resourceType", "id", "meta"}
        return _subsetted({k: v for k, v in resource.items() if k in wanted})
    return resource


@cache
def _mandatory(resource_type: str) -> frozenset[str]:
    try:
        model = get_fhir_model_class(resource_type)
    except (KeyError, ValueError, AttributeError, ImportError):
        return frozenset()
    return frozenset(f.alias or n for n, f in model.model_fields.items() if f.is_required())
