"""Index resources by (type, lastUpdated): the default search order within a type.

Revision ID: 0005
Revises: 0004
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_resource_type_updated", "resource", ["resource_type", "last_updated"])


def downgrade() -> None:
    op.drop_index("ix_resource_type_updated", table_name="resource")
