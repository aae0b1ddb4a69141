"""Build helpers shared by the model builders (build time only: torch / optimum allowed)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from ..hashing import sha256


def export_feature_extraction(model_dir: Path, onnx_path: Path, opset: int = 18) -> None:
    """optimum export of a transformers encoder (``--task feature-extraction --library
    transformers``: the plain model, not the sentence-transformers variant)."""
    from optimum.exporters.onnx import main_export

    with tempfile.TemporaryDirectory() as tmp:
        main_export(str(model_dir), output=tmp, task="feature-extraction",
                    library_name="transformers", opset=opset, do_validation=False,
                    device="cpu")
        shutil.move(str(Path(tmp) / "model.onnx"), onnx_path)


def quantize_int8(fp32: Path, int8: Path) -> None:
    """Dynamic int8 quantisation with per-channel weight scales (per-tensor scales lose too
    much agreement on e5: cosine 0.93 instead of >= 0.995)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(fp32), str(int8), per_channel=True, weight_type=QuantType.QInt8,
                     op_types_to_quantize=["MatMul", "Gather"])


def file_entry(path: Path, root: Path) -> dict[str, Any]:
    return {"path": str(path.relative_to(root)), "sha256": sha256(path),
            "bytes": path.stat().st_size}
