"""Resource validation (https://hl7.org/fhir/R4/validation.html).

Resources are checked with the fhir.resources R4B models (strict: unknown elements and bad
values are rejected). The R4B models stand in for R4.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from pydantic import ValidationError

from .errors import bad_request, issue, unprocessable
from .json_types import json_type_issues
from .r4_validation import R4_SCHEMA_TYPES, r4_issues, r4b_compatible

ID_RE = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")


@cache
def _model(resource_type: str) -> Any:
    try:
        return get_fhir_model_class(resource_type)
    except (KeyError, ValueError, AttributeError, ImportError):
        return None


def is_known_type(resource_type: str) -> bool:
    """True when ``resource_type`` names a resource (not a data type) the server stores."""
    return resource_type in resource_types()


@lru_cache(maxsize=1)
def resource_types() -> frozenset[str]:
    from .resource_types import R4_RESOURCE_TYPES

    return frozenset(R4_RESOURCE_TYPES)


def check_id(value: str, what: str = "id") -> None:
    if not ID_RE.match(value):
        raise bad_request(f"Invalid {what} {value!r}: must match [A-Za-z0-9-.]{{1,64}}")


def validation_issues(resource: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the OperationOutcome issues for ``resource``; empty when it is valid.

    Types the R4B models can't validate as R4 (``r4_validation.R4_SCHEMA_TYPES``) are checked
    against the R4 definitions instead (https://hl7.org/fhir/R4/json.html#schema).
    """
    rtype = resource.get("resourceType")
    if not isinstance(rtype, str):
        return [issue("error", "structure", "Missing resourceType", "resourceType")]
    if not is_known_type(rtype):
        return [issue("error", "not-supported", f"Unknown resource type {rtype!r}", "resourceType")]
    if rtype in R4_SCHEMA_TYPES:
        return r4_issues(resource)
    model = _model(rtype)
    if model is None:
        return []
    compatible, issues = r4b_compatible(resource)
    try:
        instance = model.model_validate(compatible)
    except ValidationError as exc:
        return issues + [_pydantic_issue(rtype, err) for err in exc.errors()]
    except (ValueError, TypeError, KeyError) as exc:
        return issues + [issue("error", "structure", f"{rtype}: {exc}", rtype)]
    except RecursionError:
        return issues + [issue("error", "too-costly", f"{rtype}: nested too deeply", rtype)]
    return issues + json_type_issues(compatible, instance, rtype)


def _pydantic_issue(rtype: str, err: Any) -> dict[str, Any]:
    loc = ".".join(str(p) for p in err.get("loc", ()) if not str(p).startswith("function-"))
    path = f"{rtype}.{loc}" if loc else rtype
    code = "structure" if err.get("type") == "extra_forbidden" else "value"
    msg = err.get("msg", "invalid")
    if err.get("type") == "extra_forbidden":
        msg = "Unknown element"
    return issue("error", code, f"{path}: {msg}", path)


def validate_resource(resource: Any) -> None:
    """Raise 400 for something that is not a resource, 422 for an invalid one."""
    if not isinstance(resource, dict):
        raise bad_request("The body must be a JSON object holding a FHIR resource")
    if "resourceType" not in resource:
        raise bad_request("The body is not a FHIR resource: resourceType is missing",
                          "resourceType")
    issues = validation_issues(resource)
    if issues:
        raise unprocessable(issues)
