"""Full-text search for _text / _content: FTS5 on SQLite, tsvector + GIN on PostgreSQL.

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5(narrative, content, "
            "content='search_text', content_rowid='rowid', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER search_text_ai AFTER INSERT ON search_text BEGIN "
            "INSERT INTO search_fts(rowid, narrative, content) "
            "VALUES (new.rowid, new.narrative, new.content); END"
        )
        op.execute(
            "CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN "
            "INSERT INTO search_fts(search_fts, rowid, narrative, content) "
            "VALUES ('delete', old.rowid, old.narrative, old.content); END"
        )
        op.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
    else:
        for col in ("narrative", "content"):
            op.execute(
                f"ALTER TABLE search_text ADD COLUMN {col}_tsv tsvector GENERATED ALWAYS AS "
                f"(to_tsvector('simple', coalesce({col}, ''))) STORED"
            )
            op.execute(f"CREATE INDEX ix_search_text_{col}_tsv ON search_text "
                       f"USING GIN ({col}_tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS search_text_ai")
        op.execute("DROP TRIGGER IF EXISTS search_text_ad")
        op.execute("DROP TABLE IF EXISTS search_fts")
    else:
        for col in ("narrative", "content"):
            op.execute(f"ALTER TABLE search_text DROP COLUMN IF EXISTS {col}_tsv")
