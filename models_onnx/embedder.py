"""Sentence embedders: one class per model kind, owning its ONNX Runtime session.

``pre_process`` (tokenise with the ``tokenizers`` library, prefix, truncate, pad) -> ``run``
(the session; I/O names read from it) -> ``post_process`` (mean pooling over the attention
mask, L2 normalisation), as in optimum's ``ORTModel`` parts. fp32 on GPU, int8 on CPU when the
model has both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from tokenizers import Tokenizer

from .manifest import Manifest
from .session import gpu_available, open_session


@dataclass
class Batch:
    feed: dict[str, np.ndarray]
    mask: np.ndarray


class TextEmbedder:
    """Embeds texts with a feature-extraction model described by ``manifest``."""

    def __init__(self, manifest: Manifest, variant: str = "auto",
                 providers: list[str] | None = None, threads: int | None = None) -> None:
        self.manifest = manifest
        if variant == "auto":
            variant = "fp32" if gpu_available() or "int8" not in manifest.files else "int8"
        self.variant = variant
        self.session = open_session(manifest.path(variant), providers, threads)
        self.input_names = [i.name for i in self.session.get_inputs()]
        self.output_name = self.session.get_outputs()[0].name
        pre = manifest.preprocessing
        self.max_length = int(pre.get("max_length", 512))
        self.tokenizer = Tokenizer.from_file(str(manifest.path("tokenizer")))
        self.tokenizer.enable_truncation(self.max_length)
        pad = self.tokenizer.padding or {}
        self.tokenizer.enable_padding(pad_id=int(pad.get("pad_id", 0)),
                                      pad_token=str(pad.get("pad_token", "[PAD]")))
        self.prefixes = {"query": str(pre.get("query_prefix", "")),
                         "passage": str(pre.get("passage_prefix", ""))}

    @property
    def dim(self) -> int:
        shape = self.session.get_outputs()[0].shape
        return int(shape[-1]) if isinstance(shape[-1], int) else 0

    @property
    def provider(self) -> str:
        return str(self.session.get_providers()[0])

    def pre_process(self, texts: list[str], kind: str | None = None) -> Batch:
        prefix = self.prefixes.get(kind or "", "")
        enc = self.tokenizer.encode_batch([prefix + t for t in texts])
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feed["token_type_ids"] = np.zeros_like(ids)
        return Batch({k: v for k, v in feed.items() if k in self.input_names}, mask)

    def run(self, batch: Batch) -> np.ndarray:
        out: Any = self.session.run([self.output_name], batch.feed)[0]
        return np.asarray(out, dtype=np.float32)

    def post_process(self, hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
        m = mask[..., None].astype(np.float32)
        pooled = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1.0)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.maximum(norms, 1e-12), dtype=np.float32)

    def embed(self, texts: list[str], kind: str | None = None) -> np.ndarray:
        """L2-normalised embeddings, one row per text (``kind``: query | passage | None)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        batch = self.pre_process(texts, kind)
        return self.post_process(self.run(batch), batch.mask)

    def warm_up(self) -> None:
        self.embed(["warm-up"])
