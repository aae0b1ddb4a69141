"""The write interactions, shared by the HTTP routes and by batch/transaction Bundles.

Each function runs inside one :class:`~fhir_server.storage.repository.Tx` and returns an
:class:`Outcome` that the caller turns into an HTTP response or a Bundle entry response.
See https://hl7.org/fhir/R4/http.html.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from .errors import bad_request, not_found
from .patch import apply_fhirpath_patch, apply_json_patch
from .storage.repository import Stored, Tx, require_type

JSON_PATCH = "application/json-patch+json"


@dataclass
class Outcome:
    """What a write interaction did."""

    status: int
    stored: Stored | None
    message: str

    @property
    def resource(self) -> dict[str, Any] | None:
        return self.stored.resource if self.stored else None

    def location(self, base: str) -> str | None:
        s = self.stored
        if s is None or s.deleted:
            return None
        return f"{base}/{s.resource_type}/{s.id}/_history/{s.version_id}"


def query_params(query: str | None) -> list[tuple[str, str]]:
    return parse_qsl(query or "", keep_blank_values=True)


def create(tx: Tx, resource_type: str, body: Any, if_none_exist: str | None = None) -> Outcome:
    require_type(resource_type)
    if not isinstance(body, dict) or body.get("resourceType") != resource_type:
        got = body.get("resourceType") if isinstance(body, dict) else type(body).__name__
        raise bad_request(f"Expected a {resource_type} resource, got {got!r}", "resourceType")
    criteria = query_params(if_none_exist.split("?", 1)[-1]) if if_none_exist else None
    body = {k: v for k, v in body.items() if k != "id"}
    stored = tx.create(body, criteria)
    if not stored.changed:
        return Outcome(200, stored, f"{resource_type}/{stored.id} already exists")
    return Outcome(201, stored, f"Created {resource_type}/{stored.id}")


def update(tx: Tx, resource_type: str, rid: str, body: Any, if_match: int | None) -> Outcome:
    stored = tx.update(resource_type, rid, _resource(body), if_match)
    return _updated(stored)


def conditional_update(tx: Tx, resource_type: str, query: str, body: Any,
                       if_match: int | None) -> Outcome:
    stored = tx.conditional_update(resource_type, query_params(query), _resource(body), if_match)
    return _updated(stored)


def patch(tx: Tx, resource_type: str, rid: str, body: Any, content_type: str,
          if_match: int | None) -> Outcome:
    if content_type.startswith(JSON_PATCH):
        stored = tx.patch(resource_type, rid, lambda r: apply_json_patch(r, body), if_match)
    elif isinstance(body, dict) and body.get("resourceType") == "Parameters":
        stored = tx.patch(resource_type, rid, lambda r: apply_fhirpath_patch(r, body), if_match)
    else:
        raise bad_request(
            f"PATCH needs {JSON_PATCH} or a FHIRPath Patch Parameters resource"
        )
    return Outcome(200, stored, f"Patched {resource_type}/{rid}")


def conditional_patch(tx: Tx, resource_type: str, query: str, body: Any, content_type: str,
                      if_match: int | None) -> Outcome:
    ids = tx.search_ids(resource_type, query_params(query))
    if not ids:
        raise not_found(f"No {resource_type} matches {query!r}")
    if len(ids) > 1:
        from .errors import multiple_matches

        raise multiple_matches(f"Conditional patch criteria match {len(ids)} resources")
    return patch(tx, resource_type, ids[0], body, content_type, if_match)


def delete(tx: Tx, resource_type: str, rid: str) -> Outcome:
    stored = tx.delete(resource_type, rid)
    if stored is None:
        return Outcome(204, None, f"{resource_type}/{rid} was not there to delete")
    return Outcome(204, stored, f"Deleted {resource_type}/{rid}")


def conditional_delete(tx: Tx, resource_type: str, query: str, multiple: bool) -> Outcome:
    deleted = tx.conditional_delete(resource_type, query_params(query), multiple)
    stored = deleted[0] if len(deleted) == 1 else None
    return Outcome(204, stored, f"Deleted {len(deleted)} {resource_type} resource(s)")


def _resource(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise bad_request("The body must be a JSON object holding a FHIR resource")
    return body


def _updated(stored: Stored) -> Outcome:
    if stored.created:
        return Outcome(201, stored, f"Created {stored.resource_type}/{stored.id}")
    note = "" if stored.changed else " (no change)"
    return Outcome(200, stored, f"Updated {stored.resource_type}/{stored.id}{note}")
