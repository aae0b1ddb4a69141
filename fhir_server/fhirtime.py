"""FHIR instants and date parameters (https://hl7.org/fhir/R4/datatypes.html#instant)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from .errors import bad_request

_DATE_RE = re.compile(
    r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?"
    r"(Z|[+-]\d{2}:\d{2})?)?)?)?$"
)


def now() -> datetime:
    """The current time at the millisecond precision that ``meta.lastUpdated`` shows."""
    t = datetime.now(UTC)
    return t.replace(microsecond=t.microsecond // 1000 * 1000)


def instant(dt: datetime) -> str:
    """Format as a FHIR instant with millisecond precision in UTC."""
    return dt.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def http_date(dt: datetime) -> str:
    return format_datetime(dt.astimezone(UTC), usegmt=True)


def parse_range(value: str, name: str = "date") -> tuple[datetime, datetime]:
    """Parse a FHIR date/dateTime/instant into the [start, end) range it denotes."""
    m = _DATE_RE.match(value.strip())
    if not m:
        raise bad_request(f"Invalid date/time value {value!r} for {name}")
    year, month, day, hour, minute, sec, frac, tz = m.groups()
    tzinfo = UTC
    if tz and tz != "Z":
        sign = 1 if tz[0] == "+" else -1
        hh, mm = int(tz[1:3]), int(tz[4:6])
        from datetime import timezone

        tzinfo = timezone(sign * timedelta(hours=hh, minutes=mm))
    try:
        if month is None:
            start = datetime(int(year), 1, 1, tzinfo=tzinfo)
            return start, start.replace(year=start.year + 1)
        if day is None:
            start = datetime(int(year), int(month), 1, tzinfo=tzinfo)
            nm = start.replace(day=28) + timedelta(days=4)
            return start, nm.replace(day=1)
        if hour is None:
            start = datetime(int(year), int(month), int(day), tzinfo=tzinfo)
            return start, start + timedelta(days=1)
        micro = int(round(float(frac) * 1_000_000)) if frac else 0
        start = datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(sec or 0), micro,
            tzinfo=tzinfo,
        )
    except ValueError as exc:
        raise bad_request(f"Invalid date/time value {value!r} for {name}: {exc}") from exc
    if sec is None:
        return start, start + timedelta(minutes=1)
    if frac is None:
        return start, start + timedelta(seconds=1)
    return start, start + timedelta(microseconds=10 ** max(0, 7 - len(frac)))


def parse_instant(value: str, name: str = "date") -> datetime:
    return parse_range(value, name)[0]
