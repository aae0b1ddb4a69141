"""Keeping the query planner informed.

SQLite gathers no statistics by itself: without ``ANALYZE`` it probes index tables once per
candidate row and searches slow down by orders of magnitude as data grows. The job worker
calls :func:`maybe_analyze` regularly; it runs ``ANALYZE`` when the number of resources has
doubled (or grown by 10,000) since the last run. PostgreSQL's autovacuum does this itself.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine

from .dialect import is_sqlite
from .tables import resource_t

log = logging.getLogger(__name__)
_last: dict[str, int] = {}
_lock = threading.Lock()


def maybe_analyze(engine: Engine) -> bool:
    """Run ANALYZE on SQLite when the data grew enough; True when it ran."""
    if not is_sqlite(engine):
        return False
    key = str(engine.url)
    with engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(resource_t)).scalar_one()
        with _lock:
            last = _last.get(key)
            if last is None:
                analyzed = conn.exec_driver_sql(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").scalar()
                last = count if analyzed else -1
                _last[key] = last
            if last >= 0 and count < 2 * last and count < last + 10_000:
                return False
            _last[key] = count
        conn.execute(text("ANALYZE"))
        conn.commit()
    log.info("ANALYZE done (%d resources)", count)
    return True
