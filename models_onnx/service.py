"""The model service used by the AI operations: loaded models shared by the whole process.

Each model is loaded once (session + tokenizer, warmed up) and served through a
:class:`~models_onnx.batching.MicroBatcher` running on the service's own event-loop thread,
so that operation handlers (synchronous, one thread per request) calling :meth:`embed` at the
same time share forward passes. ``FHIR_AI_BATCH_MAX`` (default 32) and
``FHIR_AI_BATCH_WAIT_MS`` (default 5) tune the batching. Missing built-in models are built on
first use when ``FHIR_AI_MODELS_AUTOBUILD=1`` (the serve command sets it).
"""

from __future__ import annotations

import asyncio
import os
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import numpy as np

from . import registry
from .batching import MicroBatcher
from .embedder import TextEmbedder
from .manifest import Manifest


class ModelService:
    def __init__(self, root: Path | None = None, max_batch: int | None = None,
                 max_wait_ms: float | None = None) -> None:
        self.root = root
        self.max_batch = max_batch or int(os.environ.get("FHIR_AI_BATCH_MAX", "32"))
        self.max_wait_ms = max_wait_ms if max_wait_ms is not None else float(
            os.environ.get("FHIR_AI_BATCH_WAIT_MS", "5"))
        self._lock = threading.Lock()
        self._embedders: dict[str, TextEmbedder] = {}
        self._batchers: dict[tuple[str, str], MicroBatcher[str, np.ndarray]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None

    def manifest(self, name: str) -> Manifest:
        found = registry.installed(self.root)
        if name in found:
            return found[name]
        if name in registry.BUILTIN and os.environ.get("FHIR_AI_MODELS_AUTOBUILD") == "1":
            return registry.build(name, self.root)
        raise LookupError(f"model {name!r} is not built: run `fhir-ai models build {name}`")

    def embedder(self, name: str) -> TextEmbedder:
        with self._lock:
            if name not in self._embedders:
                emb = TextEmbedder(self.manifest(name))
                emb.warm_up()
                self._embedders[name] = emb
            return self._embedders[name]

    def ai_model(self, name: str) -> Any:
        """The Device description of the loaded model version (operations.devices)."""
        return self.embedder(name).manifest.as_ai_model()

    def _event_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                threading.Thread(target=loop.run_forever, name="models-batching",
                                 daemon=True).start()
                self._loop = loop
            return self._loop

    def _batcher(self, name: str, kind: str) -> MicroBatcher[str, np.ndarray]:
        emb = self.embedder(name)
        with self._lock:
            key = (name, kind)
            if key not in self._batchers:
                self._batchers[key] = MicroBatcher(
                    lambda texts: list(emb.embed(texts, kind or None)), self.max_batch,
                    self.max_wait_ms)
            return self._batchers[key]

    def embed(self, name: str, texts: list[str], kind: str = "") -> np.ndarray:
        """Embeddings of ``texts`` (one row each); concurrent callers share forward passes."""
        if not texts:
            return self.embedder(name).embed([])
        batcher = self._batcher(name, kind)
        loop = self._event_loop()
        futures: list[Future[np.ndarray]] = [
            asyncio.run_coroutine_threadsafe(batcher.submit(t), loop) for t in texts]
        return np.stack([f.result() for f in futures])

    def batches_run(self, name: str, kind: str = "") -> int:
        b = self._batchers.get((name, kind))
        return b.batches_run if b else 0

    def close(self) -> None:
        if self._loop is not None:
            for batcher in self._batchers.values():
                asyncio.run_coroutine_threadsafe(batcher.close(), self._loop).result(5)
            self._batchers.clear()
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._loop = None


_SERVICE: ModelService | None = None


def get_service() -> ModelService:
    """The process-wide service."""
    global _SERVICE
    if _SERVICE is None:
        _SERVICE = ModelService()
    return _SERVICE
