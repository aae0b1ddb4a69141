"""Text generation path with the tiny random Llama built by onnxruntime-genai's builder."""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path

from models_onnx.generator import TextGenerator
from models_onnx.manifest import Manifest


def test_tiny_lm_is_small_and_deterministic(tiny_lm: Manifest) -> None:
    assert sum(int(f["bytes"]) for f in tiny_lm.files.values()) < 1_000_000
    gen = TextGenerator(tiny_lm)
    ids = gen.pre_process("Bonjour")
    assert ids[0] == 0 and len(ids) == 8
    out = gen.run(ids, 12)
    assert out == gen.run(ids, 12) and 0 < len(out) <= 12
    assert isinstance(gen.generate("Bonjour", 5), str)


def test_greedy_matches_transformers(tiny_lm: Manifest) -> None:
    if importlib.util.find_spec("torch") is None:
        return  # build dependencies absent: the ONNX path above is still tested
    import torch
    from transformers import LlamaForCausalLM

    from models_onnx.builders.tiny_lm import hf_model

    gen = TextGenerator(tiny_lm)
    with tempfile.TemporaryDirectory() as tmp:
        hf_model(Path(tmp))
        model = LlamaForCausalLM.from_pretrained(tmp).eval()
    for prompt in ("Bonjour", "Le patient présente une toux"):
        ids = gen.pre_process(prompt)
        ref = model.generate(torch.tensor([ids]), max_new_tokens=16, do_sample=False,
                             eos_token_id=1, pad_token_id=2)[0, len(ids):].tolist()
        assert gen.run(ids, 16) == ref
