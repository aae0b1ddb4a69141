"""The development records (tests/summarize/records: transaction Bundles of lab histories and
reports, French and English, each with the facts a correct summary must and must not hold),
summarized through HTTP on both databases. These are development scores (the rules were
written with these records), not an estimate for unseen records; docs/summarize.md gives them.
"""

from __future__ import annotations

from typing import Any

from .scoring import Score, invented, records


def test_records_cover_both_languages_and_both_levels() -> None:
    found = records()
    assert len(found) >= 6
    assert {e["language"] for _, _, e in found} == {"fr", "en"}
    assert {e["target"].split("/")[0] for _, _, e in found} == {"Patient", "DiagnosticReport"}


def test_every_abnormal_result_and_trend_is_reported(
        devset: tuple[Score, dict[str, dict[str, Any]]]) -> None:
    score, _ = devset
    assert score.abnormal_expected >= 20 and score.trends_expected >= 8
    assert score.abnormal_found == score.abnormal_expected, score.errors
    assert score.extra_abnormal == 0, score.errors
    assert score.trends_right == score.trends_expected, score.errors


def test_no_stable_series_is_called_a_trend(
        devset: tuple[Score, dict[str, dict[str, Any]]]) -> None:
    score, _ = devset
    assert score.stable_expected >= 10
    assert score.stable_called_trend == 0 and score.extra_trends == 0, score.errors
    assert score.stable_right == score.stable_expected, score.errors


def test_nothing_invented_and_required_wording(
        devset: tuple[Score, dict[str, dict[str, Any]]]) -> None:
    score, _ = devset
    assert score.invented == []
    assert score.errors == []


def test_the_invention_check_catches_a_number_or_date_absent_from_the_sources() -> None:
    numbers, dates = {118.0, 10.8}, {"2024-09-16"}
    assert invented("Créatinine 118 µmol/L (16/09/2024), Hb 10,8 g/dL", numbers, dates) == []
    assert invented("Créatinine 119 µmol/L (17/09/2024)", numbers, dates) == [
        "17/09/2024", "119"]
    assert invented("Creatinine: 118 µmol/L (16 Sep 2024) +12 %", numbers, dates) == ["12"]
