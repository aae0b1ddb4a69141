"""The FHIR asynchronous request pattern (https://hl7.org/fhir/R4/async.html).

``Prefer: respond-async`` on any request under the FHIR base turns it into a DB-backed job:
202 Accepted with Content-Location ``[base]/_async/[job]``. Polling that URL returns 202
with ``X-Progress`` until the job is done, then the original response; DELETE cancels.
The job replays the request through the application in-process, with the caller's access
context, so every interaction and operation supports the pattern the same way.
"""

from __future__ import annotations

import asyncio
import base64
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import jobs
from ..context import AccessContext
from ..errors import information, not_found
from .render import fhir_response, prefer
from .request import JOB_CONTEXT, access_context, base_url

router = APIRouter()
KIND = "http-request"


class AsyncMiddleware:
    """Intercepts ``Prefer: respond-async`` requests and queues them as jobs."""

    def __init__(self, app: ASGIApp, base_path: str) -> None:
        self.app = app
        self.base_path = base_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or JOB_CONTEXT in scope:
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        path = scope["path"]
        wants = (prefer(request, "respond-async") is not None
                 and path.startswith(self.base_path) and "/_async" not in path)
        if not wants:
            await self.app(scope, receive, send)
            return
        try:
            ctx = access_context(request)
        except Exception as exc:  # unauthenticated: let the normal path answer
            del exc
            await self.app(scope, receive, send)
            return
        body = await request.body()
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"]
                   if k.lower() not in (b"prefer", b"authorization", b"accept-encoding")]
        params = {
            "method": scope["method"], "path": path,
            "query": scope.get("query_string", b"").decode("latin-1"),
            "headers": headers, "body": base64.b64encode(body).decode(),
            "context": {"user": ctx.user, "scopes": sorted(ctx.scopes), "patient": ctx.patient},
        }
        jid = jobs.submit(request.app.state.engine, KIND, params)
        location = f"{base_url(request)}/_async/{jid}"
        response = fhir_response(information(f"Accepted as job {jid}"), 202,
                                 {"Content-Location": location})
        await response(scope, receive, send)


def replay(app: ASGIApp, params: dict[str, Any]) -> dict[str, Any]:
    """Run a queued request through the app; returns status, headers and body."""
    c = params["context"]
    ctx = AccessContext(user=c["user"], scopes=frozenset(c["scopes"]), patient=c["patient"])
    body = base64.b64decode(params["body"])
    scope: dict[str, Any] = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
        "method": params["method"], "scheme": "http", "path": params["path"],
        "raw_path": params["path"].encode(), "query_string": params["query"].encode("latin-1"),
        "root_path": "", "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 0),
        "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in params["headers"]],
        JOB_CONTEXT: ctx,
    }
    out: dict[str, Any] = {"status": 500, "headers": [], "body": b""}

    async def receive() -> Message:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            out["status"] = message["status"]
            out["headers"] = [(k.decode("latin-1"), v.decode("latin-1"))
                              for k, v in message.get("headers", [])]
        elif message["type"] == "http.response.body":
            out["body"] += message.get("body", b"")

    async def call() -> None:
        await app(scope, receive, send)

    asyncio.run(call())
    return {"status": out["status"], "headers": out["headers"],
            "body": base64.b64encode(out["body"]).decode()}


def _job_response(row: Any) -> Response:
    if row.status in ("queued", "running"):
        return fhir_response(None, 202, {"X-Progress": row.progress or row.status})
    if row.status == "cancelled":
        return fhir_response(information("The job was cancelled"), 410)
    if row.kind != KIND and row.status == "completed":
        result = row.result or {}
        body = result.get("resource") or {"resourceType": "Parameters", "parameter": [
            {"name": "status", "valueCode": "completed"}]}
        return fhir_response(body, 200)
    if row.status == "failed" or not row.result or "status" not in row.result:
        detail = (row.result or {}).get("error", "unknown error")
        from ..errors import issue, operation_outcome

        return fhir_response(operation_outcome([issue("error", "exception",
                                                      f"The job failed: {detail}")]), 500)
    res = row.result
    keep = {"content-type", "etag", "location", "last-modified", "content-location"}
    headers = {k: v for k, v in res["headers"] if k.lower() in keep}
    return Response(base64.b64decode(res["body"]), status_code=res["status"], headers=headers)


@router.get("/_async/{jid}")
def poll(request: Request, jid: str) -> Response:
    access_context(request)
    row = jobs.get(request.app.state.engine, jid)
    if row is None:
        raise not_found(f"No job {jid}")
    return _job_response(row)


@router.delete("/_async/{jid}")
def cancel(request: Request, jid: str) -> Response:
    access_context(request)
    if not jobs.cancel(request.app.state.engine, jid):
        raise not_found(f"No job {jid}")
    return fhir_response(information(f"Job {jid} cancelled"), 202)
