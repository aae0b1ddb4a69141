"""The model service: shared loaded models, micro-batching across request threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from models_onnx.manifest import Manifest
from models_onnx.service import ModelService


def test_concurrent_callers_share_forward_passes(minilm: Manifest) -> None:
    service = ModelService(minilm.folder.parent, max_batch=16, max_wait_ms=30)
    try:
        texts = [f"patient number {i} has a cough" for i in range(24)]
        with ThreadPoolExecutor(8) as pool:
            rows = list(pool.map(lambda t: service.embed("all-minilm-l6-v2", [t])[0], texts))
        assert service.batches_run("all-minilm-l6-v2") < len(texts)
        direct = service.embedder("all-minilm-l6-v2").embed(texts)
        assert min(float(a @ b) for a, b in zip(rows, direct, strict=True)) > 0.9999
        assert service.embed("all-minilm-l6-v2", []).shape == (0, 384)
        model = service.ai_model("all-minilm-l6-v2")
        assert model.version == minilm.version and model.card.startswith("# all-MiniLM")
    finally:
        service.close()


def test_unknown_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FHIR_AI_MODELS_AUTOBUILD", raising=False)
    with pytest.raises(LookupError, match="fhir-ai models build"):
        ModelService(tmp_path).embedder("multilingual-e5-small")
