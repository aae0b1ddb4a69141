"""Terminology benchmark on SQLite and PostgreSQL: load time of CIM-10 FR, then latency of
``$expand`` with a filter over it, ``$validate-code`` and ``$lookup``
(https://hl7.org/fhir/R4/terminology-service.html).

For each backend (a temporary SQLite file, then a fresh PostgreSQL database dropped
afterwards) the real app is created and driven in-process through Starlette's TestClient
(the whole HTTP stack, no socket). CIM-10 FR is loaded by the default-code-set loader
(``fhir-ai terminology defaults``), timed; then each operation runs ``--requests`` times on
random codes / filter words and the p50 / p95 latencies are printed, with the targets of
the terminology issue (load < 30 s, ``$expand`` filtered p95 < 20 ms, ``$validate-code`` and
``$lookup`` p95 < 5 ms).

Usage: ``python -m benchmarks.terminology [--requests 200] [--backends sqlite,postgresql]
[--pg postgresql+psycopg://postgres@127.0.0.1:5432/postgres]``.
"""

# ruff: noqa: E402  (the path fix below comes before the project imports)
from __future__ import annotations

import sys
from pathlib import Path

# run as a script, this file's folder would come first on the path and shadow the
# ``terminology`` package with this very module
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import argparse
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from fhir_server.app import create_app
from fhir_server.context import AccessContext
from fhir_server.settings import Settings
from fhir_server.storage.repository import Repository
from terminology.defaults import CODE_SETS, load_default
from terminology.defaults_fr import read_cim10

URL = CODE_SETS["cim-10-fr"].url
WORDS = ["diabète", "tumeur", "fracture", "infection", "grossesse", "insuffisance", "cardiaque",
         "pneumonie", "maladie", "syndrome"]


@contextmanager
def database(backend: str, pg: str) -> Iterator[str]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite:///{tmp}/bench.db"
        return
    admin = create_engine(pg, isolation_level="AUTOCOMMIT")
    name = f"fhirai_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(pg).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def timed(n: int, call: Callable[[int], Any]) -> tuple[float, float]:
    """(p50, p95) in milliseconds of ``n`` calls (after 5 warm-up calls)."""
    for i in range(5):
        call(i)
    samples = []
    for i in range(n):
        start = time.perf_counter()
        call(i)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def run(backend: str, pg: str, n: int) -> list[tuple[str, str, str, str]]:
    rows = []
    with database(backend, pg) as url:
        app = create_app(Settings(database_url=url, run_jobs=False))
        with TestClient(app) as client:
            report = load_default(Repository(app.state.engine, AccessContext()), "cim-10-fr",
                                  force=True)
            rows.append((backend, f"load CIM-10 FR ({report.concepts} codes)",
                         f"{report.seconds:.1f} s", "< 30 s"))
            vs_url = "http://example.org/fhir/ValueSet/cim-10-fr-all"
            ok_put = client.put("/fhir/ValueSet/cim-10-fr-all", json={
                "resourceType": "ValueSet", "id": "cim-10-fr-all", "url": vs_url,
                "status": "active", "compose": {"include": [{"system": URL}]}})
            assert ok_put.status_code in (200, 201), ok_put.text
            codes = list(read_cim10())
            rnd = random.Random(1)

            def ok(r: Any) -> None:
                if r.status_code != 200:
                    raise RuntimeError(f"HTTP {r.status_code}: {r.text[:300]}")

            def expand(i: int) -> None:
                ok(client.get("/fhir/ValueSet/$expand", params={
                    "url": vs_url, "filter": WORDS[i % len(WORDS)], "count": "20"}))

            def validate(i: int) -> None:
                ok(client.get("/fhir/CodeSystem/$validate-code",
                              params={"url": URL, "code": rnd.choice(codes)}))

            def lookup(i: int) -> None:
                ok(client.get("/fhir/CodeSystem/$lookup",
                              params={"system": URL, "code": rnd.choice(codes)}))

            for name, call, target in (("$expand filter (count 20)", expand, "p95 < 20 ms"),
                                       ("$validate-code", validate, "p95 < 5 ms"),
                                       ("$lookup", lookup, "p95 < 5 ms")):
                p50, p95 = timed(n, call)
                rows.append((backend, name, f"p50 {p50:.1f} ms, p95 {p95:.1f} ms", target))
        app.state.engine.dispose()
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    args = ap.parse_args()
    rows = []
    for backend in args.backends.split(","):
        rows += run(backend, args.pg, args.requests)
    print(f"{'backend':10} | {'measure':32} | {'result':28} | target")
    for row in rows:
        print(f"{row[0]:10} | {row[1]:32} | {row[2]:28} | {row[3]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
