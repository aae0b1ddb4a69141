"""``fhir-ai`` command line: ``fhir-ai serve``, ``fhir-ai migrate``, ``fhir-ai models ...``."""

from __future__ import annotations

import argparse
import logging
import sys

from .settings import Settings, UnsafeSettingsError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fhir-ai", description="FHIR AI Server")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve FHIR R4 at http://HOST:PORT/fhir")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--insecure", action="store_true",
                       help="allow a non-loopback address without authentication")
    sub.add_parser("migrate", help="create or upgrade the database schema")
    models = sub.add_parser("models", help="list | build | verify | bench the ONNX models")
    models.add_argument("args", nargs=argparse.REMAINDER)
    from terminology.cli import add_parser as add_terminology_parser

    add_terminology_parser(sub)
    args = parser.parse_args(argv)
    if args.command == "models":
        from models_onnx.cli import main as models_main

        return models_main(args.args)
    settings = Settings()
    logging.basicConfig(level=settings.log_level,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    if args.command == "migrate":
        from .storage.engine import open_database

        open_database(settings.database_url).dispose()
        print(f"schema up to date ({settings.database_url.split('@')[-1]})")
        return 0
    if args.command == "terminology":
        from terminology.cli import run as run_terminology

        return run_terminology(args, settings.database_url)
    updates = {k: v for k, v in (("host", args.host), ("port", args.port)) if v is not None}
    if args.insecure:
        updates["insecure"] = True
    settings = settings.model_copy(update=updates)
    try:
        settings.check_safe_binding()
    except UnsafeSettingsError as exc:
        print(f"fhir-ai: {exc}", file=sys.stderr)
        return 2
    import uvicorn

    from .app import create_app

    print(f"FHIR R4 server at http://{settings.host}:{settings.port}{settings.base_path}")
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port,
                log_level=settings.log_level.lower(), access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
