"""Model registry and ONNX Runtime sessions (CUDA execution provider, CPU otherwise)."""
