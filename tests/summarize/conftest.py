"""Fixtures of the $summarize tests: the e5 embedder built (report sentences need it), the
development records loaded once per backend, and each record's document."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from models_onnx import registry

from .scoring import Score, run

E5 = "multilingual-e5-small"


@pytest.fixture(scope="session")
def e5_built() -> None:
    missing = registry.missing_requirements(registry.BUILTIN[E5])
    if missing and E5 not in registry.installed():
        pytest.skip(f"{E5} cannot be built here: {', '.join(missing)} not installed")
    registry.build(E5)


@pytest.fixture(scope="session")
def devset(client: TestClient, e5_built: None) -> tuple[Score, dict[str, dict[str, Any]]]:
    """(score, document per record) of every development record, summarized through HTTP."""
    return run(client)
