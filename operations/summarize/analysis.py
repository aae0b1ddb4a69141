"""Abnormal results, series and trends.

* Abnormal: an ``Observation.interpretation`` code of
  https://terminology.hl7.org/CodeSystem-v3-ObservationInterpretation.html (H, HH, HU, >, L,
  LL, LU, <, A, AA, POS, DET...) or a value outside ``referenceRange`` low / high (converted
  to the value's unit when both are UCUM).
* Series: the measurements of one code (LOINC first) with a ``valueQuantity`` in comparable
  units, ordered by effective time.
* Trend: see :func:`trend` and docs/summarize.md (reference change value rule).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .noise import Analyte, analyte
from .values import Bound, Measurement

HIGH = {"H", "HH", "HU", ">", "HX"}
LOW = {"L", "LL", "LU", "<", "LX"}
ABNORMAL = {"A", "AA", "POS", "DET", "R", "W"}
CRITICAL = {"HH", "LL", "AA", "HU", "LU"}


@dataclass(frozen=True)
class Flag:
    kind: str        # high | low | abnormal
    critical: bool
    basis: str       # interpretation | range


MASS_CONCENTRATION = "kg/m**3"


def normalized(m: Measurement, value: float | None = None) -> tuple[float, str] | None:
    """``value`` (default: the measurement's) in SI base units; a mass concentration of an
    analyte with a known molar mass becomes a substance concentration (mol/m3)."""
    c = m.canonical(value)
    if c and c[1] == MASS_CONCENTRATION:
        molar = analyte(m.loinc).molar_mass
        if molar:
            return c[0] / (molar / 1000.0), "mol/m**3"
    return c


def _in_unit(m: Measurement, b: Bound) -> float | None:
    """The bound in the measurement's unit (None when not comparable)."""
    if not b.unit_code or b.unit_code == m.unit_code or not m.unit_code:
        return b.value
    mine = normalized(m, 1.0)
    theirs = normalized(Measurement(m.ref, m.key, m.loinc, m.name, None, "", b.value, b.text,
                                    "", b.unit_code, b.unit_system))
    if mine is None or theirs is None or mine[1] != theirs[1] or mine[0] == 0:
        return None
    return theirs[0] / mine[0]


def flag(m: Measurement) -> Flag | None:
    codes = set(m.interpretation)
    critical = bool(codes & CRITICAL)
    if codes & HIGH:
        return Flag("high", critical, "interpretation")
    if codes & LOW:
        return Flag("low", critical, "interpretation")
    if m.value is not None:
        high = _in_unit(m, m.high) if m.high else None
        low = _in_unit(m, m.low) if m.low else None
        # "<0.5" is at most 0.5: only certainly low; ">90" is only certainly high
        at_most, at_least = m.comparator in ("<", "<="), m.comparator in (">", ">=")
        if high is not None and not at_most and (
                m.value > high or (m.comparator == ">" and m.value >= high)):
            return Flag("high", critical, "range")
        if low is not None and not at_least and (
                m.value < low or (m.comparator == "<" and m.value <= low)):
            return Flag("low", critical, "range")
    if codes & ABNORMAL:
        return Flag("abnormal", critical, "interpretation")
    return None


@dataclass
class Trend:
    """A series of >= 2 values and what it does.

    ``direction``: ``up`` / ``down`` (a trend), ``stable`` (the net change stays within the
    noise), ``fluctuating`` (no net change beyond the noise, but values in between left it).
    """

    series: list[Measurement]
    direction: str
    analyte: Analyte
    tolerance: float       # the limit used (the analyte's RCV as a log ratio, or absolute)
    rule: str              # rcv | monotonic | stable | fluctuating

    @property
    def first(self) -> Measurement:
        return self.series[0]

    @property
    def last(self) -> Measurement:
        return self.series[-1]

    @property
    def is_trend(self) -> bool:
        return self.direction in ("up", "down")


def _norm(m: Measurement) -> float:
    c = normalized(m)
    return c[0] if c else float(m.value or 0.0)


def _step(m: Measurement) -> float:
    """One unit of the last written digit, in canonical units (the resolution of the value)."""
    try:
        exp = Decimal(m.value_text).as_tuple().exponent
    except InvalidOperation:
        return 0.0
    step = 10.0 ** int(exp) if isinstance(exp, int) else 0.0
    c = normalized(m, step)
    return c[0] if c else step


#: a steady drift: at least this many values, all moving one way...
MONOTONIC_MIN = 4
#: ...whose net change exceeds this share of the RCV (and the analytical limit)
MONOTONIC_SHARE = 0.75


def _change(a: float, b: float) -> float:
    """The size of the change a -> b on the scale the RCV is defined on (log ratio)."""
    if a > 0 and b > 0:
        return math.log(b / a)
    return (b - a) / abs(a) if a else (math.inf if b != a else 0.0)


def _scale(a: Analyte, series: list[Measurement]
           ) -> tuple[Callable[[float, float], float], float, float]:
    """(change function, trend limit, steady-drift limit) of the analyte."""
    if a.absolute is not None:  # °C or pH units: differences, not ratios
        k = 5.0 / 9.0 if series[-1].unit_code in ("[degF]", "degF") else 1.0
        return (lambda x, y: (y - x) * k), a.absolute, MONOTONIC_SHARE * a.absolute
    return _change, a.rcv, max(a.analytical, MONOTONIC_SHARE * a.rcv)


def trend(series: list[Measurement]) -> Trend:
    """Direction of a series (>= 2 values, ordered).

    Let c = ln(last / first) (values in canonical units) and RCV the analyte's log-normal
    reference change value (:mod:`.noise`); for temperature and pH, c = last - first and an
    absolute limit. A change no larger than one unit of the last written digit is never
    significant. |c| > RCV -> up / down (rule ``rcv``). Otherwise, with >= 4 values moving
    strictly in one direction and |c| above both 0.75 x RCV and the analytical limit ->
    up / down (rule ``monotonic``). Otherwise ``fluctuating`` when some value in between
    differs from the first by more than the RCV, else ``stable``.
    """
    a = analyte(series[0].loinc)
    change, limit, drift = _scale(a, series)
    vals = [_norm(m) for m in series]
    first, last = vals[0], vals[-1]
    res = max(_step(series[0]), _step(series[-1]))
    c = change(first, last)
    direction = "up" if last > first else "down"
    if abs(last - first) > res and abs(c) > limit:
        return Trend(series, direction, a, limit, "rcv")
    diffs = [b - x for x, b in zip(vals, vals[1:], strict=False)]
    monotonic = len(vals) >= MONOTONIC_MIN and (all(x > 0 for x in diffs) or
                                                all(x < 0 for x in diffs))
    if monotonic and abs(last - first) > res and abs(c) > drift:
        return Trend(series, direction, a, limit, "monotonic")
    if any(abs(v - first) > res and abs(change(first, v)) > limit for v in vals[1:-1]):
        return Trend(series, "fluctuating", a, limit, "fluctuating")
    return Trend(series, "stable", a, limit, "stable")


def _unit_group(m: Measurement) -> str:
    c = normalized(m, 1.0)
    return f"si:{c[1]}" if c else f"unit:{m.unit_code or m.unit}"


def series(items: list[Measurement]) -> list[list[Measurement]]:
    """Series of >= 2 quantities, one per code and comparable unit, oldest first."""
    groups: dict[tuple[str, str], list[Measurement]] = defaultdict(list)
    for m in items:
        if m.value is not None and m.when is not None and not m.comparator:
            groups[(m.key, _unit_group(m))].append(m)
    out = []
    for group in groups.values():
        seen: set[tuple[str, str]] = set()
        uniq = []
        for m in sorted(group, key=lambda x: x.sort_key):
            if (m.ref, m.when_text) not in seen:
                seen.add((m.ref, m.when_text))
                uniq.append(m)
        if len(uniq) >= 2:
            out.append(uniq)
    return sorted(out, key=lambda s: s[-1].name.lower())
