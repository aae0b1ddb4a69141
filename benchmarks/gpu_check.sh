#!/usr/bin/env bash
# GPU check for the model runtime: run on a machine with an NVIDIA GPU.
#   bash benchmarks/gpu_check.sh
# 1. makes sure ONNX Runtime has the CUDA execution provider (onnxruntime-gpu, from PyPI or
#    from wheels in $WHEELS for an offline machine),
# 2. checks that the CUDA provider is really used by the e5 session (not a silent CPU
#    fallback: every executed node's provider is listed) and that its embeddings agree with
#    the CPU ones,
# 3. prints sentences/s of the fp32 model for batch sizes 1..256.
# The models must be built (`fhir-ai models build multilingual-e5-small`, or FHIR_AI_MODELS_DIR
# pointing at a built copy).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
[ -x "$PY" ] || PY=python3
WHEELS=${WHEELS:-.whl}
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
has_cuda() {
    "$PY" -c "import onnxruntime as o, sys; sys.exit('CUDAExecutionProvider' not in o.get_available_providers())"
}
if ! has_cuda; then
    tmp=$(mktemp -d)
    if ls "$WHEELS"/onnxruntime_gpu-*.whl >/dev/null 2>&1; then
        cp "$WHEELS"/onnxruntime_gpu-*.whl "$tmp"/
    elif ! "$PY" -m pip download -q --no-deps -d "$tmp" onnxruntime-gpu; then
        echo "onnxruntime-gpu is not installed and cannot be fetched: put its wheel in $WHEELS" >&2
        exit 3
    fi
    "$PY" -m pip uninstall -y -q onnxruntime || true
    "$PY" -m pip install -q --no-deps --no-index "$tmp"/onnxruntime_gpu-*.whl
    has_cuda || { echo "the CUDA execution provider still is not available" >&2; exit 3; }
fi
"$PY" - <<'PY'
import time
import numpy as np
import onnxruntime as ort
from models_onnx import registry
from models_onnx.embedder import TextEmbedder

print("ORT", ort.__version__, ort.get_available_providers())
m = registry.build("multilingual-e5-small")
gpu = TextEmbedder(m, "fp32", providers=["CUDAExecutionProvider", "CPUExecutionProvider"])
assert gpu.session.get_providers()[0] == "CUDAExecutionProvider", gpu.session.get_providers()
cpu = TextEmbedder(m, "fp32", providers=["CPUExecutionProvider"])
texts = ["Patient de 67 ans, hypertension artérielle, diabète de type 2 sous metformine.",
         "Allergie à la pénicilline (urticaire).", "Chest pain radiating to the left arm."] * 86
cos = (gpu.embed(texts[:16], "passage") * cpu.embed(texts[:16], "passage")).sum(1)
print(f"GPU vs CPU cosine: min {cos.min():.6f}")
# profile one run: every heavy node must be on the CUDA provider
opts = ort.SessionOptions(); opts.enable_profiling = True
s = ort.InferenceSession(str(m.path("fp32")), opts, providers=["CUDAExecutionProvider"])
b = gpu.pre_process(texts[:32], "passage"); s.run(None, b.feed)
import json; prof = json.load(open(s.end_profiling()))
eps = {e["args"].get("provider") for e in prof if e.get("cat") == "Node" and "provider" in e.get("args", {})}
print("providers of executed nodes:", sorted(eps))
for bs in (1, 2, 4, 8, 16, 32, 64, 128, 256):
    n = max(256, bs * 4)
    batch = [texts[i % len(texts)] for i in range(n)]
    gpu.embed(batch[:bs], "passage")
    t = time.perf_counter()
    for i in range(0, n, bs):
        gpu.embed(batch[i:i + bs], "passage")
    print(f"batch {bs:4}: {n / (time.perf_counter() - t):9.1f} sentences/s (CUDA fp32)")
PY
