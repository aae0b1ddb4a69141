"""Alembic environment: runs migrations on the engine handed over by the server."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import terminology.tables  # noqa: F401  (terminology tables share the metadata)
from fhir_server.storage.tables import metadata

config = context.config
engine = config.attributes.get("engine")
if engine is None:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///data/fhir.db")

with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
