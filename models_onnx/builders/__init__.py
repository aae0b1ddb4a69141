"""Model builders (build time only: they may use torch, transformers and optimum)."""
