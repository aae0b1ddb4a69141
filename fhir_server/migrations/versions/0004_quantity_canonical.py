"""Canonical (SI base unit) value and unit on quantity index rows.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("search_quantity") as batch:
        batch.add_column(sa.Column("canonical_value", sa.Float(), nullable=True))
        batch.add_column(sa.Column("canonical_unit", sa.Text(), nullable=True))
        batch.create_index("ix_search_quantity_canonical",
                           ["resource_type", "param", "canonical_unit", "canonical_value"])


def downgrade() -> None:
    with op.batch_alter_table("search_quantity") as batch:
        batch.drop_index("ix_search_quantity_canonical")
        batch.drop_column("canonical_unit")
        batch.drop_column("canonical_value")
