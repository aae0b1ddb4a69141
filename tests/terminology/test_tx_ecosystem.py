"""The HL7 terminology ecosystem conformance suites against the app, on both databases.

The pass rate per suite is printed; known failures are listed with their reason in
``tx_expected_failures.py``. The test fails when a test outside that list fails (a
regression) and when a listed test passes (the list must stay honest: remove it).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from .tx_expected_failures import EXPECTED_FAILURES
from .txrunner import SUITE_DIR, run_all

pytestmark = pytest.mark.skipif(
    not (SUITE_DIR / "test-cases.json").exists(),
    reason=f"tx-ecosystem suites not found at {SUITE_DIR} (../shared beside the repository)")


def test_tx_ecosystem(client: Any, capsys: pytest.CaptureFixture[str]) -> None:
    outcomes = run_all(client)
    per_suite: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for o in outcomes:
        per_suite[o.suite][1] += 1
        per_suite[o.suite][0] += int(o.passed)
    passed = sum(int(o.passed) for o in outcomes)
    with capsys.disabled():
        print("\ntx-ecosystem pass rate per suite:")
        for suite, (ok, total) in per_suite.items():
            print(f"  {suite:15} {ok:4}/{total:<4}")
        print(f"  {'TOTAL':15} {passed:4}/{len(outcomes):<4} "
              f"({100 * passed / max(len(outcomes), 1):.1f}%)")
    failed = {o.test: o.detail for o in outcomes if not o.passed}
    regressions = {k: v for k, v in failed.items() if k not in EXPECTED_FAILURES}
    assert not regressions, "new tx-ecosystem failures:\n" + "\n".join(
        f"{k}: {v[:300]}" for k, v in regressions.items())
    fixed = sorted(k for k in EXPECTED_FAILURES if k not in failed)
    assert not fixed, f"these now pass, remove them from tx_expected_failures.py: {fixed}"
