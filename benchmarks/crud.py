"""CRUD throughput benchmark of the FHIR server over real HTTP, on SQLite and PostgreSQL.

What is measured
----------------
For each backend (SQLite in a temporary file, then a fresh PostgreSQL database that is
dropped afterwards) the script starts the real server as a subprocess, exactly as an
operator would (``fhir-ai serve --host 127.0.0.1 --port N``: one uvicorn process), waits
until ``GET /fhir/metadata`` answers, and drives it from a load generator running in its
*own* process (``multiprocessing``, asyncio + one pooled ``httpx.AsyncClient``,
``--concurrency`` clients, default 16). Only 127.0.0.1 is contacted.

Phases, each stopped by whichever comes first of ``--requests`` and ``--seconds``:

* ``create``  ``POST /fhir/Patient`` with a small realistic Patient;
* ``read``    ``GET /fhir/Patient/{id}`` of ids created before;
* ``update``  ``PUT /fhir/Patient/{id}`` with the full resource;
* ``search``  ``GET /fhir/Patient?_id={id}``;
* ``mix``     60 % read, 20 % update, 20 % create.

Every row gives the requests completed, the errors (every non-2xx status and every
transport failure; each is listed by status in a summary), the throughput seen by the
clients (req/s, wall clock) and the latency percentiles (p50/p95/p99 over all responses).

``req/cpu-s`` is the throughput *per server core*: requests divided by the CPU seconds
(user + system) the server process consumed during the phase, read with psutil when it is
installed, else from ``/proc/<pid>/stat``. ``cores`` is server CPU seconds / wall seconds.
On PostgreSQL, ``db cpu`` adds the CPU seconds of the PostgreSQL backends serving the
benchmark database (when PostgreSQL runs on this machine); it is *not* in req/cpu-s, and
the final lines also give requests per CPU-second of server + backends.
The load generator shares the machine with the server (on a small machine it takes CPU
away from it), so req/s is a lower bound while req/cpu-s is mostly insensitive to that;
``client cpu`` shows what the generator itself used.

The final lines put SQLite and PostgreSQL side by side (ratio SQLite / PostgreSQL) and
compare the ``mix`` to the target of >= 650 requests per server CPU-second (Aidbox's
published 5212 req/s on 8 vCPU is 651 req/s per core).

Usage: ``python benchmarks/crud.py [--seconds 10] [--requests 20000] [--concurrency 16]
[--backends sqlite,postgresql]``. Exit status 1 when a backend could not be benchmarked or
any request failed.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import multiprocessing as mp
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
BASE_PATH = "/fhir"
PHASES = ("create", "read", "update", "search", "mix")
MIX_WEIGHTS = (("read", 60), ("update", 20), ("create", 20))
DEFAULT_PG_URL = os.environ.get(
    "FHIR_AI_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
TARGET_PER_CORE = 650.0
TARGET_LINE = ("target: >= 650 req/s per server CPU-second for the mix "
               "(Aidbox reference: 5212 req/s on 8 vCPU = 651/core)")
CLIENT_TIMEOUT_S = 30.0


# --------------------------------------------------------------------------- results

@dataclass
class PhaseResult:
    """What the load generator measured in one phase (plus the server CPU, set by the parent)."""

    backend: str
    phase: str
    requests: int
    errors: int
    wall_s: float
    latencies_ms: list[float]
    statuses: dict[str, int]
    client_cpu_s: float
    server_cpu_s: float = 0.0
    #: CPU seconds of the PostgreSQL backends serving the benchmark (None: not measured)
    db_cpu_s: float | None = None
    error_samples: list[str] = field(default_factory=list)

    @property
    def rps(self) -> float:
        return self.requests / self.wall_s if self.wall_s > 0 else 0.0

    @property
    def per_core(self) -> float:
        return self.requests / self.server_cpu_s if self.server_cpu_s > 0 else 0.0

    @property
    def per_core_with_db(self) -> float:
        """Requests per CPU second of the server process plus its database backends."""
        cpu = self.server_cpu_s + (self.db_cpu_s or 0.0)
        return self.requests / cpu if cpu > 0 else 0.0

    @property
    def cores(self) -> float:
        return self.server_cpu_s / self.wall_s if self.wall_s > 0 else 0.0

    def percentile(self, q: float) -> float:
        """Nearest-rank percentile of the latencies, in ms (0 when nothing completed)."""
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
        return ordered[rank - 1]


# --------------------------------------------------------------------------- load generator

def patient_body(rng: random.Random) -> dict[str, Any]:
    """A small but realistic Patient (identifier, name, telecom, gender, birth date, address)."""
    family = rng.choice(["Martin", "Bernard", "Dubois", "Smith", "García", "Nguyen", "Kowalski"])
    given = rng.choice(["Léa", "Jean", "Amina", "Noah", "Sofia", "Lucas", "Chloé", "Omar"])
    return {
        "resourceType": "Patient",
        "identifier": [{
            "use": "usual",
            "system": "urn:oid:1.2.250.1.213.1.4.8",
            "value": uuid.uuid4().hex[:16],
        }],
        "active": True,
        "name": [{"use": "official", "family": family, "given": [given]}],
        "telecom": [{"system": "phone", "value": f"+33 6 {rng.randrange(10**8):08d}",
                     "use": "mobile"}],
        "gender": rng.choice(["female", "male", "other", "unknown"]),
        "birthDate": f"{rng.randint(1930, 2020)}-{rng.randint(1, 12):02d}-"
                     f"{rng.randint(1, 28):02d}",
        "address": [{"use": "home", "line": [f"{rng.randint(1, 200)} rue de la Paix"],
                     "city": "Paris", "postalCode": f"75{rng.randint(1, 20):03d}",
                     "country": "FR"}],
    }


class LoadState:
    """Ids and last-sent resources of the Patients created so far (lives in the generator)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.ids: list[str] = []
        self.resources: dict[str, dict[str, Any]] = {}

    def pick(self) -> str:
        return self.rng.choice(self.ids)


class PhaseRun:
    """Counters of one running phase, shared by its clients (single event loop, no locks)."""

    def __init__(self, max_requests: int, deadline: float) -> None:
        self.max_requests = max_requests
        self.deadline = deadline
        self.issued = 0
        self.latencies_ms: list[float] = []
        self.statuses: Counter[str] = Counter()
        self.errors = 0
        self.error_samples: list[str] = []

    def take(self) -> bool:
        """Reserve one request slot; False when the phase is over (count or time)."""
        if self.issued >= self.max_requests or time.perf_counter() >= self.deadline:
            return False
        self.issued += 1
        return True

    def record_error(self, sample: str) -> None:
        self.errors += 1
        if len(self.error_samples) < 5:
            self.error_samples.append(sample[:300])


async def one_request(client: Any, state: LoadState, run: PhaseRun, kind: str) -> None:
    """Send one request of ``kind`` and record its latency and outcome."""
    url = f"{BASE_PATH}/Patient"
    rng = state.rng
    start = time.perf_counter()
    try:
        if kind == "create":
            body = patient_body(rng)
            resp = await client.post(url, json=body)
        elif kind == "read":
            resp = await client.get(f"{url}/{state.pick()}")
        elif kind == "update":
            pid = state.pick()
            body = dict(state.resources[pid])
            body["telecom"] = [{"system": "phone", "value": f"+33 6 {rng.randrange(10**8):08d}",
                                "use": "mobile"}]
            state.resources[pid] = body
            resp = await client.put(f"{url}/{pid}", json=body)
        elif kind == "search":
            resp = await client.get(url, params={"_id": state.pick()})
        else:  # pragma: no cover - programming error
            raise ValueError(kind)
    except Exception as exc:  # transport failure: counts as an error, no latency
        key = f"exc:{type(exc).__name__}"
        run.statuses[key] += 1
        run.record_error(f"{kind}: {exc!r}")
        return
    run.latencies_ms.append((time.perf_counter() - start) * 1000.0)
    key = str(resp.status_code)
    run.statuses[key] += 1
    if not 200 <= resp.status_code < 300:
        run.record_error(f"{kind} -> {resp.status_code}: {resp.text[:200]}")
        return
    if kind == "create":
        new_id = created_id(resp)
        if new_id:
            state.ids.append(new_id)
            state.resources[new_id] = {**body, "id": new_id}


def created_id(resp: Any) -> str | None:
    """Id of a created resource: from the body, else from the Location header."""
    try:
        data = resp.json()
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            return str(data["id"])
    except ValueError:
        pass
    location = resp.headers.get("location", "")
    parts = location.split("/_history")[0].rstrip("/").split("/")
    return parts[-1] if len(parts) >= 2 and parts[-2] == "Patient" else None


def choose_kind(phase: str, rng: random.Random) -> str:
    if phase != "mix":
        return phase
    roll = rng.randrange(100)
    for kind, weight in MIX_WEIGHTS:
        if roll < weight:
            return kind
        roll -= weight
    return MIX_WEIGHTS[-1][0]


async def run_phase(client: Any, state: LoadState, phase: str, concurrency: int,
                    max_requests: int, seconds: float) -> PhaseRun:
    run = PhaseRun(max_requests, time.perf_counter() + seconds)

    async def worker() -> None:
        while run.take():
            kind = choose_kind(phase, state.rng)
            if kind != "create" and not state.ids:
                kind = "create"
            await one_request(client, state, run, kind)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return run


async def generator_main(conn: Connection, base_url: str, backend: str, concurrency: int,
                         seed: int) -> None:
    """Serve phase commands from the parent until told to stop."""
    import httpx

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    headers = {"Accept": "application/fhir+json", "Content-Type": "application/fhir+json"}
    state = LoadState(seed)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, headers=headers,
                                 timeout=CLIENT_TIMEOUT_S, trust_env=False) as client:
        conn.send(("ready", None))
        while True:
            command, args = conn.recv()
            if command == "stop":
                return
            phase, max_requests, seconds = args
            cpu0, wall0 = time.process_time(), time.perf_counter()
            run = await run_phase(client, state, phase, concurrency, max_requests, seconds)
            wall = time.perf_counter() - wall0
            conn.send(("result", PhaseResult(
                backend=backend, phase=phase, requests=run.issued, errors=run.errors,
                wall_s=wall, latencies_ms=run.latencies_ms, statuses=dict(run.statuses),
                client_cpu_s=time.process_time() - cpu0, error_samples=run.error_samples)))


def generator_process(conn: Connection, base_url: str, backend: str, concurrency: int,
                      seed: int) -> None:
    """Entry point of the load-generator process (uvloop when available)."""
    coro = generator_main(conn, base_url, backend, concurrency, seed)
    try:
        import uvloop
    except ImportError:
        asyncio.run(coro)
    else:
        uvloop.run(coro)


# --------------------------------------------------------------------------- server side

def process_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds consumed so far by process ``pid`` (all its threads)."""
    try:
        import psutil
    except ImportError:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        # after "pid (comm)": state is field 3, utime field 14 and stime field 15 (1-based)
        utime, stime = int(fields[11]), int(fields[12])
        return (utime + stime) / os.sysconf("SC_CLK_TCK")
    times = psutil.Process(pid).cpu_times()
    return float(times.user + times.system)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def server_command(port: int) -> list[str]:
    script = Path(sys.executable).parent / "fhir-ai"
    prefix = [str(script)] if script.exists() else [sys.executable, "-m", "fhir_server.cli"]
    return [*prefix, "serve", "--host", HOST, "--port", str(port)]


def wait_until_up(proc: subprocess.Popen[bytes], base_url: str, timeout: float = 60.0) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    with httpx.Client(base_url=base_url, timeout=2.0, trust_env=False) as client:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited early with status {proc.returncode}")
            try:
                if client.get(f"{BASE_PATH}/metadata").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
    raise RuntimeError(f"server not up after {timeout:.0f} s")


@contextmanager
def running_server(database_url: str, log_path: Path) -> Iterator[tuple[int, str]]:
    """Start ``fhir-ai serve`` on a free loopback port; always stop it afterwards."""
    port = free_port()
    base_url = f"http://{HOST}:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("FHIR_AI_")}
    env.update(FHIR_AI_DATABASE_URL=database_url, FHIR_AI_LOG_LEVEL="WARNING")
    with log_path.open("wb") as log:
        proc = subprocess.Popen(server_command(port), cwd=REPO, env=env, stdout=log,
                                stderr=subprocess.STDOUT, preexec_fn=die_with_parent)
        try:
            wait_until_up(proc, base_url)
            yield proc.pid, base_url
        except Exception:
            tail = log_path.read_text(errors="replace")[-3000:]
            if tail:
                print(f"--- server log ({log_path}) ---\n{tail}", file=sys.stderr)
            raise
        finally:
            stop_process(proc)


def die_with_parent() -> None:
    """In the server child (Linux): get SIGTERM if the benchmark dies without cleaning up."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def stop_process(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@dataclass
class Database:
    """A fresh benchmark database; ``backend_cpu`` maps its PostgreSQL backends to CPU s."""

    url: str
    backend_cpu: Callable[[], dict[int, float]] | None = None


@contextmanager
def database(backend: str, tmp: Path, pg_url: str) -> Iterator[Database]:
    """A fresh database for ``backend``; the PostgreSQL database is dropped afterwards."""
    if backend == "sqlite":
        yield Database(f"sqlite:///{tmp / 'bench.db'}")
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    name = f"fhirai_bench_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            def backend_cpu() -> dict[int, float]:
                """CPU seconds of the PostgreSQL backends serving the benchmark database
                (readable only when PostgreSQL runs on this machine)."""
                with admin.connect() as conn:
                    pids = conn.execute(text("SELECT pid FROM pg_stat_activity "
                                             "WHERE datname = :name"), {"name": name})
                    found = {}
                    for (pid,) in pids:
                        try:
                            found[int(pid)] = process_cpu_seconds(int(pid))
                        except (OSError, ValueError, IndexError):
                            pass
                    return found

            url = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
            yield Database(url, backend_cpu)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


# --------------------------------------------------------------------------- orchestration

def bench_backend(backend: str, args: argparse.Namespace, tmp: Path) -> list[PhaseResult]:
    results: list[PhaseResult] = []
    with database(backend, tmp, args.pg_url) as db, \
            running_server(db.url, tmp / f"server-{backend}.log") as (pid, base_url):
        ctx = mp.get_context("spawn")
        parent, child = ctx.Pipe()
        gen = ctx.Process(target=generator_process, name=f"loadgen-{backend}", daemon=True,
                          args=(child, base_url, backend, args.concurrency, args.seed))
        gen.start()
        try:
            expect(parent, "ready", gen, 60.0)
            print(f"  {backend}: server pid {pid} at {base_url}{BASE_PATH}, "
                  f"load generator pid {gen.pid}")
            if args.warmup:
                warm = command(parent, gen, ("create", args.warmup, args.seconds))
                print(f"  warm-up: {warm.requests} creates, {warm.errors} errors (not reported)")
            for phase in PHASES:
                db0 = db.backend_cpu() if db.backend_cpu else None
                cpu0 = process_cpu_seconds(pid)
                result = command(parent, gen, (phase, args.requests, args.seconds))
                result.server_cpu_s = process_cpu_seconds(pid) - cpu0
                if db.backend_cpu and db0 is not None:
                    db1 = db.backend_cpu()
                    # backends that connected during the phase count from zero
                    result.db_cpu_s = sum(v - db0.get(k, 0.0) for k, v in db1.items())
                results.append(result)
                print(format_row(result), flush=True)
            parent.send(("stop", None))
            gen.join(timeout=10)
        finally:
            if gen.is_alive():
                gen.terminate()
                gen.join(timeout=5)
    return results


def command(conn: Connection, gen: Any, args: tuple[str, int, float]) -> PhaseResult:
    conn.send(("run", args))
    result = expect(conn, "result", gen, args[2] + CLIENT_TIMEOUT_S + 30.0)
    assert isinstance(result, PhaseResult)
    return result


def expect(conn: Connection, kind: str, gen: Any, timeout: float) -> Any:
    if not conn.poll(timeout):
        raise RuntimeError(f"load generator silent for {timeout:.0f} s (alive={gen.is_alive()})")
    got, payload = conn.recv()
    if got != kind:
        raise RuntimeError(f"load generator sent {got!r}, expected {kind!r}")
    return payload


# --------------------------------------------------------------------------- reporting

HEADER = (f"{'backend':<10} {'phase':<7} {'requests':>8} {'errors':>6} {'req/s':>8} "
          f"{'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'cores':>5} {'req/cpu-s':>9} "
          f"{'db cpu':>7} {'client cpu':>10}")


def format_row(r: PhaseResult) -> str:
    db_cpu = "-" if r.db_cpu_s is None else f"{r.db_cpu_s:.1f}s"
    return (f"{r.backend:<10} {r.phase:<7} {r.requests:>8} {r.errors:>6} {r.rps:>8.1f} "
            f"{r.percentile(50):>7.1f} {r.percentile(95):>7.1f} {r.percentile(99):>7.1f} "
            f"{r.cores:>5.2f} {r.per_core:>9.1f} {db_cpu:>7} {r.client_cpu_s:>9.1f}s")


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b > 0 else "n/a"


def report(all_results: dict[str, list[PhaseResult]]) -> None:
    print("\n== results ==")
    print(HEADER)
    for results in all_results.values():
        for r in results:
            print(format_row(r))

    print("\n== status counts (every non-2xx and transport failure is an error) ==")
    for results in all_results.values():
        for r in results:
            counts = ", ".join(f"{k}: {v}" for k, v in sorted(r.statuses.items()))
            print(f"{r.backend:<10} {r.phase:<7} errors={r.errors:<5} {counts}")
            for sample in r.error_samples:
                print(f"{'':<18} e.g. {sample}")

    sqlite = {r.phase: r for r in all_results.get("sqlite", [])}
    pg = {r.phase: r for r in all_results.get("postgresql", [])}
    if sqlite and pg:
        print("\n== SQLite / PostgreSQL ==")
        print(f"{'phase':<7} {'sqlite req/s':>12} {'pg req/s':>9} {'ratio':>6}   "
              f"{'sqlite req/cpu-s':>16} {'pg req/cpu-s':>12} {'ratio':>6}   "
              f"{'sqlite p95':>10} {'pg p95':>7} {'ratio':>6}")
        for phase in PHASES:
            if phase not in sqlite or phase not in pg:
                continue
            s, p = sqlite[phase], pg[phase]
            print(f"{phase:<7} {s.rps:>12.1f} {p.rps:>9.1f} {ratio(s.rps, p.rps):>6}   "
                  f"{s.per_core:>16.1f} {p.per_core:>12.1f} "
                  f"{ratio(s.per_core, p.per_core):>6}   "
                  f"{s.percentile(95):>10.1f} {p.percentile(95):>7.1f} "
                  f"{ratio(s.percentile(95), p.percentile(95)):>6}")

    print()
    print(TARGET_LINE)
    for backend, results in all_results.items():
        for r in results:
            if r.phase == "mix":
                verdict = "meets" if r.per_core >= TARGET_PER_CORE else "BELOW"
                print(f"  {backend:<10} mix: {r.per_core:.1f} req/s per server CPU-second "
                      f"({verdict} target; {r.rps:.1f} req/s using {r.cores:.2f} cores)")
                if r.db_cpu_s is not None:
                    print(f"  {'':<10}      {r.per_core_with_db:.1f} req/s per CPU-second of "
                          "server + PostgreSQL backends")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=20000,
                        help="at most this many requests per phase (default 20000)")
    parser.add_argument("--seconds", type=float, default=20.0,
                        help="at most this many seconds per phase (default 20)")
    parser.add_argument("--concurrency", type=int, default=16,
                        help="concurrent clients (default 16)")
    parser.add_argument("--backends", default="sqlite,postgresql",
                        help="comma-separated, among sqlite and postgresql")
    parser.add_argument("--warmup", type=int, default=200,
                        help="unreported creates before the phases (default 200; 0: none)")
    parser.add_argument("--pg-url", default=DEFAULT_PG_URL,
                        help="admin URL of a PostgreSQL server; a fresh database is created "
                             "on it and dropped afterwards")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    args.backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    unknown = set(args.backends) - {"sqlite", "postgresql"}
    if unknown:
        parser.error(f"unknown backend(s): {', '.join(sorted(unknown))}")
    if args.requests < 1 or args.concurrency < 1 or args.seconds <= 0:
        parser.error("--requests, --concurrency and --seconds must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # SIGTERM unwinds like Ctrl-C, so the server is stopped and the database dropped
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    print(f"FHIR CRUD benchmark: {args.concurrency} clients, <= {args.requests} requests and "
          f"<= {args.seconds:g} s per phase, machine with {os.cpu_count()} CPUs\n")
    print(HEADER)
    all_results: dict[str, list[PhaseResult]] = {}
    failed: list[str] = []
    tmp = Path(tempfile.mkdtemp(prefix="fhir-bench-"))
    try:
        for backend in args.backends:
            try:
                all_results[backend] = bench_backend(backend, args, tmp)
            except Exception as exc:
                failed.append(backend)
                print(f"{backend}: benchmark failed: {type(exc).__name__}: {exc}",
                      file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report(all_results)
    for backend in failed:
        print(f"\n{backend}: NOT BENCHMARKED (see the error above)")
    errors = sum(r.errors for results in all_results.values() for r in results)
    return 1 if failed or errors else 0


if __name__ == "__main__":
    sys.exit(main())
