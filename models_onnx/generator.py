"""Text generation with a decoder-only ONNX model exported by onnxruntime-genai's builder.

One class owning its session: ``pre_process`` (tokenise, ``<s>`` first) -> ``run`` (prefill,
then one token at a time with the key/value cache: ``past_key_values.N.key|value`` in,
``present.N.key|value`` out; names and sizes from ``genai_config.json``) -> ``post_process``
(decode). Greedy decoding, stopping at ``</s>`` or ``max_new_tokens``. Plain ONNX Runtime: the
onnxruntime-genai package is needed to build models, not to run them.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
from tokenizers import Tokenizer

from .manifest import Manifest
from .session import open_session


class TextGenerator:
    def __init__(self, manifest: Manifest, providers: list[str] | None = None,
                 threads: int | None = None) -> None:
        self.manifest = manifest
        cfg = json.loads(manifest.path("genai_config").read_text())["model"]
        dec = cfg["decoder"]
        self.layers = int(dec["num_hidden_layers"])
        self.kv_heads = int(dec["num_key_value_heads"])
        self.head_size = int(dec["head_size"])
        self.context = int(cfg["context_length"])
        self.eos = int(cfg["eos_token_id"])
        names = dec["inputs"]
        self.past_names = [(names["past_key_names"] % i, names["past_value_names"] % i)
                           for i in range(self.layers)]
        self.session = open_session(manifest.path("model"), providers, threads)
        self.tokenizer = Tokenizer.from_file(str(manifest.path("tokenizer")))

    def pre_process(self, prompt: str) -> list[int]:
        return list(self.tokenizer.encode(prompt).ids)

    def run(self, ids: list[int], max_new_tokens: int = 32) -> list[int]:
        """Greedy continuation of ``ids`` (the new token ids only)."""
        empty = np.zeros((1, self.kv_heads, 0, self.head_size), dtype=np.float32)
        past: dict[str, Any] = {n: empty for pair in self.past_names for n in pair}
        step = np.array([ids], dtype=np.int64)
        total = len(ids)
        out: list[int] = []
        for _ in range(min(max_new_tokens, self.context - len(ids))):
            feed = {"input_ids": step, "attention_mask": np.ones((1, total), dtype=np.int64),
                    **past}
            logits, *presents = self.session.run(None, feed)
            token = int(np.argmax(logits[0, -1]))
            if token == self.eos:
                break
            out.append(token)
            past = {n: presents[i] for i, n in enumerate(
                name for pair in self.past_names for name in pair)}
            step = np.array([[token]], dtype=np.int64)
            total += 1
        return out

    def post_process(self, ids: list[int]) -> str:
        return str(self.tokenizer.decode(ids))

    def generate(self, prompt: str, max_new_tokens: int = 32) -> str:
        return self.post_process(self.run(self.pre_process(prompt), max_new_tokens))
