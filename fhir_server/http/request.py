"""Request parsing: body size and media type, JSON, base URL, access context."""

from __future__ import annotations

import zlib
from typing import Annotated, Any

import orjson
from fastapi import Depends, Request

from ..context import AccessContext
from ..errors import bad_request, too_large, unauthorized, unsupported_media_type
from ..settings import Settings
from ..storage.repository import Repository

JSON_MEDIA = ("application/fhir+json", "application/json", "application/json-patch+json",
              "text/json")
JOB_CONTEXT = "fhir_ai.job_context"


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def raw_body(request: Request) -> bytes:
    settings = settings_of(request)
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_body_bytes:
        raise too_large(f"Request body over {settings.max_body_bytes} bytes")
    data = b""
    async for chunk in request.stream():
        data += chunk
        if len(data) > settings.max_body_bytes:
            raise too_large(f"Request body over {settings.max_body_bytes} bytes")
    if request.headers.get("content-encoding", "").lower() == "gzip":
        data = _gunzip(data, settings.max_body_bytes)
    return data


def _gunzip(data: bytes, limit: int) -> bytes:
    """Decompress a gzip request body, refusing bombs larger than ``limit``."""
    dec = zlib.decompressobj(wbits=31)
    try:
        out = dec.decompress(data, limit + 1)
    except zlib.error as exc:
        raise bad_request(f"Content-Encoding gzip but the body is not gzip: {exc}") from None
    if len(out) > limit or dec.unconsumed_tail:
        raise too_large(f"Decompressed request body over {limit} bytes")
    return out


def parse_json(request: Request, data: bytes, required: bool = True) -> Any:
    """Parse a JSON body; XML and other media types get 415."""
    if not data:
        if required:
            raise bad_request("The request body is empty")
        return None
    ctype = request.headers.get("content-type", "application/fhir+json").split(";")[0].strip()
    if ctype and ctype not in JSON_MEDIA and not ctype.endswith("+json"):
        raise unsupported_media_type(
            f"Content-Type {ctype!r} is not supported; send application/fhir+json"
        )
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise bad_request(f"The body is not valid JSON: {exc}") from None


def base_url(request: Request) -> str:
    settings = settings_of(request)
    if settings.public_base_url:
        return settings.public_base_url.rstrip("/")
    return str(request.base_url).rstrip("/") + settings.base_path


def access_context(request: Request) -> AccessContext:
    """Who is asking. Bearer tokens when configured; SMART scopes plug in here."""
    job_ctx = request.scope.get(JOB_CONTEXT)
    if isinstance(job_ctx, AccessContext):
        return job_ctx
    settings = settings_of(request)
    if not settings.auth_configured:
        return AccessContext()
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or token not in settings.auth_tokens:
        raise unauthorized("A valid bearer token is required")
    return AccessContext(user=f"token-{settings.auth_tokens.index(token)}")


async def context_dependency(request: Request) -> AccessContext:
    """``access_context`` as an async dependency (no thread hop: it does no I/O)."""
    return access_context(request)


async def repository(request: Request,
                     ctx: Annotated[AccessContext, Depends(context_dependency)]) -> Repository:
    s = settings_of(request)
    return Repository(request.app.state.engine, ctx, s.default_page_size, s.max_page_size)


RepoDep = Annotated[Repository, Depends(repository)]
BodyDep = Annotated[bytes, Depends(raw_body)]
