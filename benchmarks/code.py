"""``$code`` latency and throughput on CPU, through HTTP on a live server (uvicorn, SQLite).

Loads the default ICD-10 classifications (WHO, ICD-10-CM, CIM-10 FR), warms the indexes, then
measures single-text calls (p50 / p95 over the dev-set phrases) and 100-text batches
(texts per second) on the WHO and the CIM-10 FR systems, side by side in one run.

    .venv/bin/python benchmarks/code.py [--n 200]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fhir_server.app import create_app  # noqa: E402
from fhir_server.context import AccessContext  # noqa: E402
from fhir_server.settings import Settings  # noqa: E402
from fhir_server.storage.repository import Repository  # noqa: E402
from operations.code.index import build_index  # noqa: E402
from terminology.defaults import load_default  # noqa: E402
from tests.conftest import LiveServer  # noqa: E402

SYSTEMS = {"WHO ICD-10": "http://hl7.org/fhir/sid/icd-10",
           "CIM-10 FR": "https://smt.esante.gouv.fr/terminologie-cim-10"}


def body(texts: list[str], system: str) -> dict[str, object]:
    return {"resourceType": "Parameters", "parameter": [
        *({"name": "text", "valueString": t} for t in texts),
        {"name": "system", "valueUri": system}]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200, help="single-text calls per system")
    args = ap.parse_args()
    texts = [json.loads(line)["text"] for line in
             (ROOT / "tests/code/devset/diagnoses.jsonl").read_text().splitlines()]
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Settings(database_url=f"sqlite:///{tmp}/bench.db", run_jobs=False))
        with LiveServer(app) as server:
            repo = Repository(app.state.engine, AccessContext())
            for key in ("icd-10", "icd-10-cm", "cim-10-fr"):
                report = load_default(repo, key)
                print(f"loaded {key}: {report.concepts} concepts in {report.seconds:.1f} s")
            rows = []
            with httpx.Client(base_url=server.url, timeout=600) as client:
                for name, system in SYSTEMS.items():
                    start = time.perf_counter()  # what the code-vectors job does
                    with app.state.engine.connect() as conn:
                        build_index(conn, system, None, dense=True)
                    build = time.perf_counter() - start
                    client.post("/$code", json=body(["warm-up"], system)).raise_for_status()
                    single = []
                    for i in range(args.n):
                        start = time.perf_counter()
                        r = client.post("/$code", json=body([texts[i % len(texts)]], system))
                        single.append((time.perf_counter() - start) * 1000)
                        r.raise_for_status()
                    batches = [texts[i:i + 100] for i in range(0, 300, 100)]
                    start = time.perf_counter()
                    for batch in batches:
                        client.post("/$code", json=body(batch, system)).raise_for_status()
                    rate = sum(map(len, batches)) / (time.perf_counter() - start)
                    q = statistics.quantiles(single, n=20)
                    rows.append((name, build, statistics.median(single), q[18], rate))
    print("\n| system | index + vectors build s | single p50 ms | single p95 ms | "
          "100-text batch texts/s |")
    print("| --- | --- | --- | --- | --- |")
    for name, build, p50, p95, rate in rows:
        print(f"| {name} | {build:.1f} | {p50:.1f} | {p95:.1f} | {rate:.1f} |")
    who, fr = rows
    print(f"\nratio CIM-10 FR / WHO: p95 {fr[3] / who[3]:.2f}, batch throughput "
          f"{fr[4] / who[4]:.2f}")


if __name__ == "__main__":
    main()
