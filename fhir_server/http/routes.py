"""The FHIR RESTful API routes (https://hl7.org/fhir/R4/http.html)."""

from __future__ import annotations

from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import Response

from .. import bundles
from .. import interactions as act
from ..bundle_out import history_bundle, search_bundle
from ..errors import bad_request, not_allowed
from ..fhirtime import now, parse_instant
from ..ops import OpRequest, find
from ..storage.history import history
from ..storage.repository import Repository, Stored, parse_etag
from .render import (
    check_acceptable,
    fhir_response,
    prefer,
    prefer_body,
    shape,
    version_headers,
    wants_pretty,
)
from .request import BodyDep, RepoDep, base_url, parse_json

router = APIRouter()


def _respond(request: Request, out: act.Outcome) -> Response:
    base = base_url(request)
    s = out.stored
    headers = version_headers(s, out.location(base)) if s and not s.deleted else {}
    if out.status == 204:
        return fhir_response(None, 204)
    body = prefer_body(request, out.resource, out.message)
    return fhir_response(body, out.status, headers, wants_pretty(request))


def _read_response(request: Request, s: Stored) -> Response:
    check_acceptable(request)
    q = request.query_params
    body = shape(s.resource or {}, q.get("_summary"), q.get("_elements"))
    return fhir_response(body, 200, version_headers(s), wants_pretty(request))


def _if_match(request: Request) -> int | None:
    return parse_etag(request.headers.get("if-match"))


def _search(request: Request, repo: Repository, rtype: str | None,
            params: list[tuple[str, str]], compartment: tuple[str, str] | None = None
            ) -> Response:
    check_acceptable(request)
    strict = prefer(request, "handling") == "strict"
    summary = dict(params).get("_summary")
    if summary == "count":
        params = [*[p for p in params if p[0] != "_count"], ("_count", "0")]
    result = repo.search(rtype, params, compartment)
    if strict and result.query.unknown:
        raise bad_request(f"Unknown search parameter(s): {', '.join(result.query.unknown)}")
    base = base_url(request)
    url = f"{base}/{rtype}" if rtype else base
    if compartment:
        url = f"{base}/{compartment[0]}/{compartment[1]}/{rtype}"
    elements = dict(params).get("_elements")
    bundle = search_bundle(url, result, base,
                           lambda r: shape(r, summary if summary != "count" else None, elements))
    return fhir_response(bundle, 200, pretty=wants_pretty(request))


def _history(request: Request, repo: Repository, rtype: str | None, rid: str | None) -> Response:
    check_acceptable(request)
    params = dict(request.query_params)
    before = parse_instant(params["_before"], "_before") if "_before" in params else now()
    page = history(repo, rtype, rid, params, before)
    count = min(int(params.get("_count", repo.default_count)), repo.max_count)
    offset = int(params.get("_offset", 0))
    base = base_url(request)
    url = "/".join(x for x in (base, rtype, rid, "_history") if x)
    bundle = history_bundle(url, page, base, params, count, offset)
    return fhir_response(bundle, 200, pretty=wants_pretty(request))


def _operation(request: Request, repo: Repository, body: bytes, name: str,
               rtype: str | None, rid: str | None) -> Response:
    level = "instance" if rid else "type" if rtype else "system"
    spec = find(name, rtype, level, request.method)
    parsed = parse_json(request, body, required=False) if request.method == "POST" else None
    req = OpRequest(repo, base_url(request), request.method, rtype, rid, parsed,
                    list(request.query_params.multi_items()), dict(request.headers))
    status, result, headers = spec.handler(req)
    return fhir_response(result, status, headers, wants_pretty(request))


# -- system level --------------------------------------------------------------------------
@router.post("")
@router.post("/")
def transaction(request: Request, repo: RepoDep, body: BodyDep) -> Response:
    bundle = parse_json(request, body)
    minimal = prefer(request, "return") == "minimal"
    result = bundles.process(repo, bundle, base_url(request), minimal)
    return fhir_response(result, 200, pretty=wants_pretty(request))


@router.get("")
@router.get("/")
def system_search(request: Request, repo: RepoDep) -> Response:
    return _search(request, repo, None, list(request.query_params.multi_items()))


@router.get("/_history")
def system_history(request: Request, repo: RepoDep) -> Response:
    return _history(request, repo, None, None)


# -- type level ----------------------------------------------------------------------------
@router.get("/{rtype}/_history")
def type_history(request: Request, repo: RepoDep, rtype: str) -> Response:
    return _history(request, repo, rtype, None)


@router.post("/{rtype}/_search")
async def type_search_post(request: Request, rtype: str) -> Response:
    form = (await request.body()).decode()
    ctype = request.headers.get("content-type", "")
    if form and not ctype.startswith("application/x-www-form-urlencoded"):
        raise bad_request("POST _search needs application/x-www-form-urlencoded parameters")
    from starlette.concurrency import run_in_threadpool

    from .request import access_context, repository

    repo = await repository(request, access_context(request))
    params = [*request.query_params.multi_items(), *parse_qsl(form, keep_blank_values=True)]
    return await run_in_threadpool(_search, request, repo, rtype, params)


@router.get("/{rtype}/_search")
def type_search_get(request: Request, repo: RepoDep, rtype: str) -> Response:
    return _search(request, repo, rtype, list(request.query_params.multi_items()))


@router.get("/{rtype}")
def type_get(request: Request, repo: RepoDep, rtype: str) -> Response:
    if rtype.startswith("$"):
        return _operation(request, repo, b"", rtype, None, None)
    return _search(request, repo, rtype, list(request.query_params.multi_items()))


@router.post("/{rtype}")
def type_post(request: Request, repo: RepoDep, body: BodyDep, rtype: str) -> Response:
    if rtype.startswith("$"):
        return _operation(request, repo, body, rtype, None, None)
    resource = parse_json(request, body)
    ine = request.headers.get("if-none-exist")
    out = repo.write(lambda tx: act.create(tx, rtype, resource, ine))
    return _respond(request, out)


@router.put("/{rtype}")
def type_put(request: Request, repo: RepoDep, body: BodyDep, rtype: str) -> Response:
    query = request.url.query
    if not query:
        raise not_allowed("PUT needs a resource id or conditional criteria")
    resource = parse_json(request, body)
    return _respond(request, repo.write(
        lambda tx: act.conditional_update(tx, rtype, query, resource, _if_match(request))))


@router.patch("/{rtype}")
def type_patch(request: Request, repo: RepoDep, body: BodyDep, rtype: str) -> Response:
    query = request.url.query
    if not query:
        raise not_allowed("PATCH needs a resource id or conditional criteria")
    doc = parse_json(request, body)
    ctype = request.headers.get("content-type", "")
    return _respond(request, repo.write(
        lambda tx: act.conditional_patch(tx, rtype, query, doc, ctype, _if_match(request))))


@router.delete("/{rtype}")
def type_delete(request: Request, repo: RepoDep, rtype: str) -> Response:
    query = request.url.query
    if not query:
        raise not_allowed("DELETE needs a resource id or conditional criteria")
    multiple = prefer(request, "handling") == "multiple" or "_multiple" in query
    return _respond(request, repo.write(
        lambda tx: act.conditional_delete(tx, rtype, query, multiple)))


# -- instance level ------------------------------------------------------------------------
@router.get("/{rtype}/{rid}")
def read(request: Request, repo: RepoDep, rtype: str, rid: str) -> Response:
    if rid.startswith("$"):
        return _operation(request, repo, b"", rid, rtype, None)
    return _read_response(request, repo.read(rtype, rid))


@router.post("/{rtype}/{rid}")
def type_operation(request: Request, repo: RepoDep, body: BodyDep, rtype: str,
                   rid: str) -> Response:
    if rid.startswith("$"):
        return _operation(request, repo, body, rid, rtype, None)
    raise not_allowed(f"POST is not allowed on {rtype}/{rid}; use PUT to update")


@router.put("/{rtype}/{rid}")
def update(request: Request, repo: RepoDep, body: BodyDep, rtype: str, rid: str) -> Response:
    resource = parse_json(request, body)
    return _respond(request, repo.write(
        lambda tx: act.update(tx, rtype, rid, resource, _if_match(request))))


@router.patch("/{rtype}/{rid}")
def patch(request: Request, repo: RepoDep, body: BodyDep, rtype: str, rid: str) -> Response:
    doc = parse_json(request, body)
    ctype = request.headers.get("content-type", "")
    return _respond(request, repo.write(
        lambda tx: act.patch(tx, rtype, rid, doc, ctype, _if_match(request))))


@router.delete("/{rtype}/{rid}")
def delete(request: Request, repo: RepoDep, rtype: str, rid: str) -> Response:
    return _respond(request, repo.write(lambda tx: act.delete(tx, rtype, rid)))


@router.get("/{rtype}/{rid}/_history")
def instance_history(request: Request, repo: RepoDep, rtype: str, rid: str) -> Response:
    return _history(request, repo, rtype, rid)


@router.get("/{rtype}/{rid}/_history/{vid}")
def vread(request: Request, repo: RepoDep, rtype: str, rid: str, vid: str) -> Response:
    return _read_response(request, repo.vread(rtype, rid, vid))


@router.api_route("/{rtype}/{rid}/{op}", methods=["GET", "POST"])
def instance_operation(request: Request, repo: RepoDep, body: BodyDep, rtype: str, rid: str,
                       op: str) -> Response:
    if not op.startswith("$"):
        if request.method == "GET" and op[:1].isupper():
            repo.read(rtype, rid)
            return _search(request, repo, op, list(request.query_params.multi_items()),
                           (rtype, rid))
        raise not_allowed(f"{request.method} {rtype}/{rid}/{op} is not supported")
    repo.read(rtype, rid)
    return _operation(request, repo, body, op, rtype, rid)


