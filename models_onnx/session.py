"""ONNX Runtime sessions: CUDA execution provider when available, CPU otherwise.

Provider order and thread counts are configurable (``FHIR_AI_ORT_PROVIDERS``, a comma
separated list such as ``CUDAExecutionProvider,CPUExecutionProvider``;
``FHIR_AI_ORT_THREADS``, intra-op threads, 0 = ONNX Runtime's default). See
https://onnxruntime.ai/docs/execution-providers/.
"""

from __future__ import annotations

import os
from pathlib import Path

import onnxruntime as ort

DEFAULT_ORDER = ("CUDAExecutionProvider", "CPUExecutionProvider")


def providers(order: list[str] | None = None) -> list[str]:
    """The wanted providers that this ONNX Runtime build actually has, in order."""
    env = os.environ.get("FHIR_AI_ORT_PROVIDERS")
    wanted = order or ([p.strip() for p in env.split(",") if p.strip()] if env else
                       list(DEFAULT_ORDER))
    available = set(ort.get_available_providers())
    chosen = [p for p in wanted if p in available]
    return chosen or ["CPUExecutionProvider"]


def gpu_available() -> bool:
    return "CUDAExecutionProvider" in providers()


def open_session(path: Path, order: list[str] | None = None,
                 threads: int | None = None) -> ort.InferenceSession:
    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    n = threads if threads is not None else int(os.environ.get("FHIR_AI_ORT_THREADS", "0"))
    if n:
        opts.intra_op_num_threads = n
    opts.log_severity_level = 3
    return ort.InferenceSession(str(path), sess_options=opts, providers=providers(order))
