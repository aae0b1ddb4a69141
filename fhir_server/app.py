"""The application factory: FastAPI app serving FHIR R4 at ``settings.base_path``."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

import operations  # noqa: F401  (registers the AI operations)
import terminology.operations  # noqa: F401  (registers the terminology service)
import terminology.search_hooks

from . import (
    core_ops,  # noqa: F401  (registers the core operations)
    jobs,
)
from .capability import capability_statement
from .errors import OperationOutcomeError, issue, operation_outcome
from .http import async_pattern, routes
from .http.render import check_acceptable, fhir_response, wants_pretty
from .http.request import base_url
from .search import reindex
from .settings import Settings, get_settings
from .storage.engine import open_database

log = logging.getLogger("fhir_server")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        worker = None
        reindex.activate(app.state.engine)
        if settings.run_jobs:
            kinds = {async_pattern.KIND: lambda ctx: async_pattern.replay(app, ctx.params)}
            worker = jobs.Worker(app.state.engine, settings.job_poll_seconds, kinds)
            worker.start()
        try:
            yield
        finally:
            if worker:
                worker.stop()

    app = FastAPI(title="FHIR AI Server", lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url=None)
    app.state.settings = settings
    app.state.engine = open_database(settings.database_url, settings.db_pool_size)
    _install_error_handlers(app)
    terminology.search_hooks.install_app(app)
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.add_middleware(async_pattern.AsyncMiddleware, base_path=settings.base_path)

    @app.get(settings.base_path + "/metadata")
    def metadata(request: Request) -> Response:
        check_acceptable(request)
        return fhir_response(capability_statement(base_url(request),
                                                  request.query_params.get("mode")),
                             pretty=wants_pretty(request))

    app.include_router(async_pattern.router, prefix=settings.base_path)
    app.include_router(routes.router, prefix=settings.base_path)
    return app


def _install_error_handlers(app: FastAPI) -> None:
    """The one place where exceptions become OperationOutcome responses."""

    @app.exception_handler(OperationOutcomeError)
    async def _oo(request: Request, exc: OperationOutcomeError) -> Response:
        log.info("%s %s -> %s", request.method, request.url.path, exc.status)
        return fhir_response(exc.outcome, exc.status, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not-found", 405: "not-supported"}.get(exc.status_code, "processing")
        text = ("No such FHIR endpoint: " + request.url.path) if exc.status_code == 404 \
            else str(exc.detail)
        return fhir_response(operation_outcome([issue("error", code, text)]), exc.status_code,
                             dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return fhir_response(operation_outcome([issue("error", "invalid", str(exc.errors()))]),
                             400)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("Unhandled error on %s %s", request.method, request.url.path)
        return fhir_response(operation_outcome([issue(
            "fatal", "exception", "Internal server error; the incident has been logged")]), 500)
