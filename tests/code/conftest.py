"""``$code`` fixtures: a fresh database per backend with the full WHO ICD-10 loaded (the real
default loader) and the e5 embedder built (cached in ``.cache/models``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from fhir_server.app import create_app
from fhir_server.context import AccessContext
from fhir_server.storage.repository import Repository
from models_onnx import registry
from operations.code.index import build_index
from terminology.defaults import CODE_SETS, load_default
from tests.conftest import BACKENDS, make_database_url, make_settings


@pytest.fixture(scope="session")
def e5_built() -> None:
    spec = registry.BUILTIN["multilingual-e5-small"]
    missing = registry.missing_requirements(spec)
    if missing and "multilingual-e5-small" not in registry.installed():
        pytest.skip(f"multilingual-e5-small cannot be built here: {', '.join(missing)}")
    registry.build("multilingual-e5-small")


def coding_client(backend: str, tmp: Any, code_sets: list[str]) -> Iterator[TestClient]:
    databases = make_database_url(backend, tmp)
    url = next(databases)
    # no job worker: the dense vectors are built here, before the tests, not in the background
    app = create_app(make_settings(url, run_jobs=False))
    try:
        with TestClient(app, base_url="http://testserver") as client:
            repo = Repository(app.state.engine, AccessContext())
            for key in code_sets:
                load_default(repo, key)
            with app.state.engine.connect() as conn:
                build_index(conn, CODE_SETS["icd-10"].url, None, dense=True)
            yield client
    finally:
        app.state.engine.dispose()
        next(databases, None)


@pytest.fixture(scope="module", params=BACKENDS)
def who_client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
               e5_built: None) -> Iterator[TestClient]:
    yield from coding_client(request.param, tmp_path_factory.mktemp("code"), ["icd-10"])
