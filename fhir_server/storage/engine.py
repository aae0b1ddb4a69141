"""Engine creation and schema migrations (Alembic)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

from .dialect import make_engine

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision of every branch (idempotent).

    Each package that owns tables (storage, terminology, ...) keeps its own branch of
    migrations rooted at the core schema, so they upgrade with ``heads``.
    """
    command.upgrade(alembic_config(engine), "heads")


def open_database(url: str, pool_size: int = 20) -> Engine:
    engine = make_engine(url, pool_size)
    migrate(engine)
    return engine
