"""A tiny random-weight causal LM (Llama architecture: 2 layers, hidden 64) for tests.

Built by the project itself: a transformers ``LlamaConfig`` with seeded random weights and a
byte-level tokenizer (256 byte tokens + ``<s>``, ``</s>``, ``<pad>``), exported with
onnxruntime-genai's model builder (fp32, CPU; inputs ``input_ids``, ``attention_mask``,
``past_key_values.*``; outputs ``logits``, ``present.*``). The result is under 1 MB and
deterministic, so the text-generation path is tested in CI without real weights.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .common import file_entry

SPECIALS = ["<s>", "</s>", "<pad>"]


def byte_tokenizer() -> Any:
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors
    from tokenizers.pre_tokenizers import ByteLevel

    alphabet = ByteLevel.alphabet()
    vocab = {tok: i for i, tok in enumerate(SPECIALS + sorted(alphabet))}
    tok = Tokenizer(models.BPE(vocab=vocab, merges=[]))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)
    tok.decoder = decoders.ByteLevel()
    tok.post_processor = processors.TemplateProcessing(single="<s> $A",
                                                       special_tokens=[("<s>", 0)])
    tok.add_special_tokens(SPECIALS)
    return tok


def hf_model(folder: Path, seed: int = 0) -> None:
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    tok = byte_tokenizer()
    torch.manual_seed(seed)
    config = LlamaConfig(vocab_size=tok.get_vocab_size(), hidden_size=64,
                         intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
                         num_key_value_heads=2, max_position_embeddings=256,
                         bos_token_id=0, eos_token_id=1, pad_token_id=2,
                         tie_word_embeddings=False)
    model = LlamaForCausalLM(config).eval()
    with torch.no_grad():  # larger logits than the default init: varied greedy outputs
        model.lm_head.weight.mul_(20.0)
    model.save_pretrained(folder)
    PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="</s>",
                            pad_token="<pad>").save_pretrained(folder)


def build(out: Path) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src, cache = Path(tmp) / "hf", Path(tmp) / "cache"
        hf_model(src)
        subprocess.run([sys.executable, "-m", "onnxruntime_genai.models.builder", "-i", str(src),
                        "-o", str(out), "-p", "fp32", "-e", "cpu", "-c", str(cache)],
                       check=True, capture_output=True)
    byte_tokenizer().save(str(out / "tokenizer.json"))
    cfg = json.loads((out / "genai_config.json").read_text())
    model = out / cfg["model"]["decoder"]["filename"]
    files = {"model": file_entry(model, out), "tokenizer": file_entry(out / "tokenizer.json", out),
             "genai_config": file_entry(out / "genai_config.json", out)}
    if model.with_name(model.name + ".data").exists():
        files["model_data"] = file_entry(model.with_name(model.name + ".data"), out)
    return {"files": files, "source": {"builder": "onnxruntime-genai", "seed": 0},
            "inputs": ["input_ids", "attention_mask", "past_key_values.*"],
            "outputs": ["logits", "present.*"]}
