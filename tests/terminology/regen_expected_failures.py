"""Regenerate ``tx_expected_failures.py`` from a run of the suites on a fresh SQLite database:
``.venv/bin/python -m tests.terminology.regen_expected_failures``. The reason kept for a test
still failing is its category (the part before the first colon) and the new first difference.
"""

from __future__ import annotations

import tempfile
import textwrap
from pathlib import Path

from fastapi.testclient import TestClient

from fhir_server.app import create_app
from fhir_server.settings import Settings

from .tx_expected_failures import EXPECTED_FAILURES
from .txrunner import run_all

TARGET = Path(__file__).with_name("tx_expected_failures.py")
HEADER = '''"""tx-ecosystem tests known to fail, each with why (first difference found).

Regenerate after improving the service (``python -m tests.terminology.regen_expected_failures``);
the conformance test fails while a listed test passes, so this list cannot hide progress or
regressions.
"""

EXPECTED_FAILURES: dict[str, str] = {
'''


def _category(name: str, detail: str) -> str:
    old = EXPECTED_FAILURES.get(name)
    if old and ": " in old:
        return old.split(": ", 1)[0]
    if detail.startswith("HTTP"):
        return "different HTTP status / error outcome than the reference"
    return "response differs from the reference"


def _entry(name: str, reason: str) -> str:
    lines = textwrap.wrap(repr(reason)[1:-1], 80, drop_whitespace=False,
                          break_on_hyphens=False)
    body = "\n".join(f'        "{line}"' for line in lines)
    return f'    "{name}": (\n{body}\n    ),\n'


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(database_url=f"sqlite:///{tmp}/tx.db", run_jobs=False)
        with TestClient(create_app(settings)) as client:
            outcomes = run_all(client)
    failed = {o.test: o.detail for o in outcomes if not o.passed}
    text = HEADER + "".join(
        _entry(n, f"{_category(n, d)}: {d[:160]}".replace('"', "'"))
        for n, d in sorted(failed.items())) + "}\n"
    TARGET.write_text(text, encoding="utf-8")
    passed = len(outcomes) - len(failed)
    print(f"{passed}/{len(outcomes)} pass; {len(failed)} listed in {TARGET.name}")


if __name__ == "__main__":
    main()
