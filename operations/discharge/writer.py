"""The optional model writer: an operator's ONNX Runtime GenAI model drafts the hospital course.

Set ``FHIR_AI_DISCHARGE_WRITER`` to a model folder exported by onnxruntime-genai's builder
(``genai_config.json``, ``model.onnx``, tokenizer files; a ``manifest.json`` as in
``models_onnx`` gives its name, version and card), or to the name of such a folder in the
models directory (``FHIR_AI_MODELS_DIR``). The folder's ``genai_config.json`` picks the
execution provider; with ``FHIR_AI_ORT_PROVIDERS`` naming CUDA the CUDA provider is appended
(the ``onnxruntime-genai-cuda`` build is then needed). Greedy decoding, so a given model and
record give the same draft. The draft is never used as such: :mod:`.guard` checks it sentence
by sentence, and the templates' paragraph is used when nothing survives.
"""

from __future__ import annotations

import atexit
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from models_onnx.hashing import sha256
from models_onnx.registry import models_dir

from ..devices import AiModel

WRITER_ENV = "FHIR_AI_DISCHARGE_WRITER"
MAX_NEW_TOKENS = 256
PROMPTS = {
    "fr": ("Faits du dossier (chacun vérifié) :\n{facts}\n\nRédige en français, dans un style "
           "médical professionnel, le paragraphe « évolution pendant le séjour » d'une lettre de "
           "sortie, en n'utilisant que ces faits.\nParagraphe :"),
    "en": ("Facts from the record (each verified):\n{facts}\n\nWrite in English, in a "
           "professional clinical style, the hospital-course paragraph of a discharge letter, "
           "using only these facts.\nParagraph:"),
}
_LOCK = threading.Lock()


class WriterError(RuntimeError):
    """The configured model could not be loaded or run."""


def configured() -> Path | None:
    """The writer's model folder, or None when the templates write alone."""
    value = os.environ.get(WRITER_ENV, "").strip()
    if not value:
        return None
    path = Path(value)
    return path if path.is_dir() else models_dir() / value


@lru_cache(maxsize=4)
def describe(folder: Path) -> AiModel:
    """The model version for the AI Device: from its manifest, else the folder and a digest."""
    if (folder / "manifest.json").is_file():
        from models_onnx.manifest import Manifest

        m = Manifest.load(folder)
        return AiModel(m.name, m.version, m.card_text, m.publisher)
    config = folder / "genai_config.json"
    digest = sha256(config)[:12] if config.is_file() else "unknown"
    return AiModel(folder.name, f"genai-{digest}",
                   f"# {folder.name}\n\nOperator-supplied ONNX Runtime GenAI model.\n",
                   "operator")


@lru_cache(maxsize=2)
def _load(folder: str) -> tuple[Any, Any, int]:
    try:
        import onnxruntime_genai as og
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise WriterError("onnxruntime-genai is not installed") from exc
    try:
        config = og.Config(folder)
        if "CUDA" in os.environ.get("FHIR_AI_ORT_PROVIDERS", "").upper():
            config.clear_providers()
            config.append_provider("cuda")
        model = og.Model(config)
        tokenizer = og.Tokenizer(model)
    except Exception as exc:
        raise WriterError(f"model folder {Path(folder).name!r} could not be loaded: {exc}") \
            from exc
    import json

    atexit.register(_load.cache_clear)  # free the model before onnxruntime-genai shuts down
    context = int(json.loads((Path(folder) / "genai_config.json").read_text())["model"].get(
        "context_length", 2048))
    return model, tokenizer, context


@dataclass
class Draft:
    text: str
    model: AiModel


def draft(folder: Path, facts: list[str], lang: str,
          max_new_tokens: int = MAX_NEW_TOKENS) -> Draft:
    """The model's paragraph for ``facts`` (greedy decoding)."""
    import onnxruntime_genai as og

    model, tokenizer, context = _load(str(folder))
    prompt = PROMPTS[lang].format(facts="\n".join(f"- {f}" for f in facts))
    ids = list(tokenizer.encode(prompt))
    new = min(max_new_tokens, max(16, context // 4))
    if len(ids) > context - new:
        ids = ids[-(context - new):]  # keep the instruction, which comes last
    with _LOCK:
        params = og.GeneratorParams(model)
        params.set_search_options(max_length=len(ids) + new, do_sample=False)
        generator = og.Generator(model, params)
        generator.append_tokens(ids)
        out: list[int] = []
        while not generator.is_done():
            generator.generate_next_token()
            out.append(int(generator.get_next_tokens()[0]))
    return Draft(str(tokenizer.decode(out)).strip(), describe(folder))
