"""The chart of a trend: an SVG line chart (``leather``, a small pure-Python SVG charting
library with no dependencies) as a Media resource (https://hl7.org/fhir/R4/media.html)
with the image inline (``content.data``, base64, ``image/svg+xml``).

Values are plotted in the unit of the latest value (other comparable UCUM units are
converted); the reference limits of the latest value, when given, are drawn as lines.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any

import leather  # type: ignore[import-untyped]

from .analysis import Trend, normalized
from .values import Measurement
from .wording import name, t, unit

MEDIA_TYPE = "http://terminology.hl7.org/CodeSystem/media-type"
WIDTH, HEIGHT = 640, 320


def _plotted(m: Measurement, ref: Measurement) -> float:
    """``m``'s value in the unit of ``ref``."""
    mine, theirs = normalized(m), normalized(ref, 1.0)
    if mine and theirs and mine[1] == theirs[1] and theirs[0]:
        return mine[0] / theirs[0]
    return float(m.value or 0.0)


def svg(tr: Trend, lang: str) -> str:
    last = tr.last
    title = f"{name(last, lang)} ({unit(last, lang)})"
    points: list[tuple[datetime, float]] = [  # leather compares naive datetimes
        (m.when.astimezone(UTC).replace(tzinfo=None), _plotted(m, last))
        for m in tr.series if m.when]
    chart = leather.Chart(title)
    xs = [p[0] for p in points]
    if len(set(xs)) < 2:  # no time axis to draw: plot by rank
        chart.add_line([(i, v) for i, (_, v) in enumerate(points)], name=name(last, lang))
        return str(chart.to_svg(width=WIDTH, height=HEIGHT))
    chart.add_line(points, name=name(last, lang), stroke_color="#1f5fa8")
    chart.add_dots(points, name=t(lang, "value"), fill_color="#1f5fa8")
    for bound, label in ((last.high, t(lang, "upper")), (last.low, t(lang, "lower"))):
        if bound is not None:
            chart.add_line([(min(xs), bound.value), (max(xs), bound.value)], name=label,
                           stroke_color="#c0392b", stroke_dasharray="4")
    return str(chart.to_svg(width=WIDTH, height=HEIGHT))


def media(tr: Trend, lang: str, subject: dict[str, Any], created: str) -> dict[str, Any]:
    label = f"{t(lang, 'chart')} — {name(tr.last, lang)}"
    return {
        "resourceType": "Media",
        "status": "completed",
        "type": {"coding": [{"system": MEDIA_TYPE, "code": "image", "display": "Image"}]},
        "subject": dict(subject),
        "createdDateTime": created,
        "content": {"contentType": "image/svg+xml", "language": lang,
                    "data": base64.b64encode(svg(tr, lang).encode()).decode(),
                    "title": label},
    }
