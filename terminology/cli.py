"""``fhir-ai terminology load FILE [--format fhir|csv|claml]`` and
``fhir-ai terminology defaults [--only KEY ...]`` (the default code sets, stored once)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from .loaders import FORMATS, read_resources, store


def add_parser(sub: Any) -> None:
    term = sub.add_parser("terminology", help="load code systems, value sets, concept maps")
    tsub = term.add_subparsers(dest="terminology_command", required=True)
    load = tsub.add_parser("load", help="load a file (FHIR JSON or XML, CSV or XLSX "
                           "catalogue, ClaML)")
    load.add_argument("file", type=Path)
    load.add_argument("--format", choices=FORMATS, default=None)
    load.add_argument("--url", default=None, help="canonical URL of the code system")
    load.add_argument("--version", default=None)
    load.add_argument("--mapping", default=None,
                      help="CSV / XLSX columns, e.g. code=Code,parent=Parent,display.fr=Libellé,"
                           "prop.taxPoints=TP:decimal")
    defaults = tsub.add_parser("defaults", help="store the default code sets not stored yet "
                               "(ICD-10 WHO, ICD-10-CM, ...); idempotent")
    defaults.add_argument("--only", action="append", default=None,
                          help="a code set key (repeatable); default: all")


def run(args: argparse.Namespace, database_url: str) -> int:
    from fhir_server.context import AccessContext
    from fhir_server.storage.engine import open_database
    from fhir_server.storage.repository import Repository

    from . import operations  # noqa: F401  (write hooks)

    engine = open_database(database_url)
    try:
        if args.terminology_command == "defaults":
            return _defaults(Repository(engine, AccessContext()), args.only)
        start = time.perf_counter()
        resources = read_resources(args.file, args.format, url=args.url, version=args.version,
                                   mapping=args.mapping)
        refs = store(Repository(engine, AccessContext()), resources)
        took = time.perf_counter() - start
        for ref, res in zip(refs, resources, strict=True):
            print(f"{ref}: {res.get('url')}|{res.get('version')} "
                  f"({len(res.get('concept') or [])} concepts)")
        print(f"loaded in {took:.1f} s")
    finally:
        engine.dispose()
    return 0


def _defaults(repo: Any, only: list[str] | None) -> int:
    from .defaults import CODE_SETS, LoadReport, load_defaults

    unknown = [k for k in only or [] if k not in CODE_SETS]
    if unknown:
        print(f"unknown code set(s): {', '.join(unknown)}; known: {', '.join(CODE_SETS)}")
        return 2

    def report(r: LoadReport) -> None:
        state = "already stored" if r.skipped else f"{r.concepts} concepts"
        print(f"{r.key}: {r.url} {state} ({r.seconds:.1f} s)", flush=True)

    load_defaults(repo, only, report)
    return 0
