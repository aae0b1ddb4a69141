"""Batch and transaction Bundles (https://hl7.org/fhir/R4/http.html#transaction).

A transaction runs every entry in ONE database transaction, in the order DELETE, POST,
PUT/PATCH, GET; ``urn:uuid`` / fullUrl references are resolved to the ids given to the new
resources, conditional references (``Patient?identifier=...``) are resolved by search.
A batch runs every entry on its own and reports each entry's outcome.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from . import interactions as act
from .bundle_out import _bundle, status_line
from .errors import OperationOutcomeError, bad_request, multiple_matches, not_allowed
from .fhirtime import instant
from .storage.repository import Repository, Tx, parse_etag

ORDER = {"DELETE": 0, "POST": 1, "PUT": 2, "PATCH": 2, "GET": 3, "HEAD": 3}


@dataclass
class Entry:
    index: int
    method: str
    url: str
    full_url: str | None
    resource: Any
    request: dict[str, Any]

    @property
    def path(self) -> str:
        return urlsplit(self.url).path.strip("/")

    @property
    def query(self) -> str:
        return urlsplit(self.url).query


def parse_entries(bundle: dict[str, Any]) -> list[Entry]:
    entries = []
    for i, raw in enumerate(bundle.get("entry") or []):
        where = f"Bundle.entry[{i}]"
        if not isinstance(raw, dict):
            raise bad_request(f"{where} is not an object", where)
        req = raw.get("request")
        if not isinstance(req, dict) or not req.get("method") or not req.get("url"):
            raise bad_request(f"{where}.request needs method and url", f"{where}.request")
        method = str(req["method"]).upper()
        if method not in ORDER:
            raise bad_request(f"{where}.request.method {method!r} is not supported",
                              f"{where}.request.method")
        entries.append(Entry(i, method, str(req["url"]), raw.get("fullUrl"),
                             raw.get("resource"), req))
    return entries


def process(repo: Repository, bundle: Any, base: str, minimal: bool = False) -> dict[str, Any]:
    """Run a batch or transaction Bundle and build its response Bundle."""
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        raise bad_request("POST to the base URL expects a batch or transaction Bundle")
    kind = bundle.get("type")
    if kind not in ("batch", "transaction"):
        raise bad_request(f"Bundle.type must be batch or transaction, not {kind!r}", "Bundle.type")
    entries = parse_entries(bundle)
    if kind == "transaction":
        responses = repo.write(lambda tx: _transaction(tx, repo, entries, base, minimal))
    else:
        responses = [_batch_entry(repo, e, base, minimal) for e in entries]
    out = _bundle(f"{kind}-response", None)
    out["entry"] = responses
    return out


def _transaction(tx: Tx, repo: Repository, entries: list[Entry], base: str,
                 minimal: bool) -> list[dict[str, Any]]:
    ids = _assign_ids(tx, entries)
    responses: list[dict[str, Any]] = [{} for _ in entries]
    bound = repo.bound(tx.conn)
    for e in sorted(entries, key=lambda x: (ORDER[x.method], x.index)):
        try:
            if isinstance(e.resource, dict):
                e.resource = _rewrite(tx, e.resource, ids)
            responses[e.index] = _run(tx, bound, e, base, minimal, ids)
        except OperationOutcomeError as err:
            where = f"Bundle.entry[{e.index}]"
            for it in err.issues:
                it["diagnostics"] = f"{where} ({e.method} {e.url}): {it['diagnostics']}"
                it.setdefault("expression", [where])
            raise
    return responses


def _batch_entry(repo: Repository, e: Entry, base: str, minimal: bool) -> dict[str, Any]:
    try:
        if e.method in ("GET", "HEAD"):
            return _get(repo, e, base)
        return repo.write(lambda tx: _run(tx, repo.bound(tx.conn), e, base, minimal, {}))
    except OperationOutcomeError as err:
        return {"response": {"status": str(err.status), "outcome": err.outcome}}


def _assign_ids(tx: Tx, entries: list[Entry]) -> dict[str, str]:
    """Map every fullUrl of a created/updated entry to its ``Type/id`` reference."""
    ids: dict[str, str] = {}
    for e in entries:
        if not e.full_url or not isinstance(e.resource, dict):
            continue
        rtype = e.resource.get("resourceType")
        if e.method == "POST":
            found = _conditional_target(tx, str(rtype), e.request.get("ifNoneExist"))
            ids[e.full_url] = f"{rtype}/{found or uuid.uuid4()}"
        elif e.method == "PUT" and "?" not in e.url:
            ids[e.full_url] = e.path
        elif e.method == "PUT":
            found = _conditional_target(tx, str(rtype), e.query)
            ids[e.full_url] = f"{rtype}/{found or e.resource.get('id') or uuid.uuid4()}"
    return ids


def _conditional_target(tx: Tx, rtype: str, query: str | None) -> str | None:
    if not query:
        return None
    found = tx.search_ids(rtype, act.query_params(query.split("?", 1)[-1]))
    if len(found) > 1:
        raise multiple_matches(f"Conditional criteria {query!r} match {len(found)} resources")
    return found[0] if found else None


def _rewrite(tx: Tx, node: Any, ids: dict[str, str]) -> Any:
    if isinstance(node, list):
        return [_rewrite(tx, n, ids) for n in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "reference" and isinstance(value, str):
            out[key] = _resolve(tx, value, ids)
        else:
            out[key] = _rewrite(tx, value, ids)
    return out


def _resolve(tx: Tx, ref: str, ids: dict[str, str]) -> str:
    if ref in ids:
        return ids[ref]
    if "?" in ref and not ref.startswith(("http:", "https:", "urn:", "#")):
        rtype, _, query = ref.partition("?")
        found = tx.search_ids(rtype, act.query_params(query))
        if len(found) != 1:
            raise (multiple_matches if found else bad_request)(
                f"Conditional reference {ref!r} matches {len(found)} resources")
        return f"{rtype}/{found[0]}"
    return ref


def _run(tx: Tx, repo: Repository, e: Entry, base: str, minimal: bool,
         ids: dict[str, str]) -> dict[str, Any]:
    parts = e.path.split("/")
    rtype = parts[0]
    if_match = parse_etag(e.request.get("ifMatch"))
    if e.method == "GET" or e.method == "HEAD":
        return _get(repo, e, base)
    if e.method == "POST" and len(parts) == 1:
        rid = ids.get(e.full_url or "", "").partition("/")[2] or None
        if rid and e.request.get("ifNoneExist") and tx.current(rtype, rid) is not None:
            out = act.create(tx, rtype, e.resource, e.request.get("ifNoneExist"))
        else:
            out = act.Outcome(201, tx.create(
                {k: v for k, v in _typed(e.resource, rtype).items() if k != "id"}, None, rid),
                "created")
    elif e.method == "PUT" and len(parts) == 2:
        out = act.update(tx, rtype, parts[1], e.resource, if_match)
    elif e.method == "PUT" and len(parts) == 1 and e.query:
        rid = ids.get(e.full_url or "", "").partition("/")[2]
        body = dict(e.resource) if isinstance(e.resource, dict) else e.resource
        if rid and isinstance(body, dict) and not body.get("id"):
            body["id"] = rid
        out = act.conditional_update(tx, rtype, e.query, body, if_match)
    elif e.method == "PATCH" and len(parts) == 2:
        ctype = act.JSON_PATCH if _is_binary_patch(e.resource) else "application/fhir+json"
        out = act.patch(tx, rtype, parts[1], _patch_body(e.resource), ctype, if_match)
    elif e.method == "DELETE" and len(parts) == 2:
        out = act.delete(tx, rtype, parts[1])
    elif e.method == "DELETE" and len(parts) == 1 and e.query:
        out = act.conditional_delete(tx, rtype, e.query, multiple=False)
    else:
        raise not_allowed(f"{e.method} {e.url} is not supported in a Bundle")
    return _entry_response(out, base, minimal)


def _typed(resource: Any, rtype: str) -> dict[str, Any]:
    if not isinstance(resource, dict) or resource.get("resourceType") != rtype:
        raise bad_request(f"The entry resource must be a {rtype}")
    return resource


def _is_binary_patch(resource: Any) -> bool:
    return isinstance(resource, dict) and resource.get("resourceType") == "Binary"


def _patch_body(resource: Any) -> Any:
    """A JSON Patch travels in a Binary (base64 data); FHIRPath Patch as Parameters."""
    if _is_binary_patch(resource):
        import base64
        import json

        return json.loads(base64.b64decode(resource.get("data", "")))
    return resource


def _entry_response(out: act.Outcome, base: str, minimal: bool) -> dict[str, Any]:
    resp: dict[str, Any] = {"status": status_line(out.status)}
    s = out.stored
    if s is not None and not s.deleted:
        resp["location"] = out.location(base)
        resp["etag"] = f'W/"{s.version_id}"'
        resp["lastModified"] = instant(s.last_updated)
    entry: dict[str, Any] = {"response": resp}
    if s is not None and not s.deleted:
        entry["fullUrl"] = f"{base}/{s.resource_type}/{s.id}"
        if not minimal and s.resource is not None:
            entry["resource"] = s.resource
    return entry


def _get(repo: Repository, e: Entry, base: str) -> dict[str, Any]:
    from .bundle_out import search_bundle

    parts = e.path.split("/")
    if len(parts) == 2:
        s = repo.read(parts[0], parts[1])
    elif len(parts) == 4 and parts[2] == "_history":
        s = repo.vread(parts[0], parts[1], parts[3])
    elif len(parts) == 1:
        result = repo.search(parts[0], act.query_params(e.query))
        return {"resource": search_bundle(f"{base}/{parts[0]}", result, base),
                "response": {"status": "200 OK"}}
    else:
        raise not_allowed(f"GET {e.url} is not supported in a Bundle")
    return {"fullUrl": f"{base}/{s.resource_type}/{s.id}", "resource": s.resource,
            "response": {"status": "200 OK", "etag": f'W/"{s.version_id}"',
                         "lastModified": instant(s.last_updated)}}
