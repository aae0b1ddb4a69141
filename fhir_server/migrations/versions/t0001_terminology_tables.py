"""Terminology: code systems, concepts, parent links, properties, designations, canonicals.

Revision ID: t0001
Revises: 0001
Create Date: 2026-11-29 10:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = 't0001'
down_revision = '0001'
branch_labels = ('terminology',)
depends_on = None

PK = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def _pk() -> sa.Column:
    return sa.Column('pk', PK, primary_key=True, autoincrement=True, nullable=False)


def _cs() -> sa.Column:
    return sa.Column('cs_pk', PK, nullable=False)


def upgrade() -> None:
    op.create_table(
        'tx_code_system', _pk(),
        sa.Column('resource_id', sa.String(length=64), nullable=False),
        sa.Column('url', sa.Text(), nullable=False),
        sa.Column('version', sa.Text(), nullable=True),
        sa.Column('name', sa.Text(), nullable=True),
        sa.Column('content', sa.String(length=32), nullable=True),
        sa.Column('supplements', sa.Text(), nullable=True),
        sa.Column('concept_count', sa.Integer(), nullable=False),
    )
    op.create_index('ix_tx_code_system_url', 'tx_code_system', ['url', 'version'])
    op.create_index('ix_tx_code_system_resource', 'tx_code_system', ['resource_id'])
    op.create_table(
        'tx_concept', _pk(), _cs(),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('code', sa.Text(), nullable=False),
        sa.Column('display', sa.Text(), nullable=True),
        sa.Column('definition', sa.Text(), nullable=True),
        sa.Column('inactive', sa.Boolean(), nullable=False),
        sa.Column('status', sa.String(length=32), nullable=True),
        sa.Column('not_selectable', sa.Boolean(), nullable=False),
        sa.Column('extra', sa.Text(), nullable=True),
        sa.UniqueConstraint('cs_pk', 'code', name='uq_tx_concept_code'),
    )
    op.create_table(
        'tx_concept_parent', _pk(), _cs(),
        sa.Column('child', sa.Text(), nullable=False),
        sa.Column('parent', sa.Text(), nullable=False),
    )
    op.create_index('ix_tx_concept_parent_child', 'tx_concept_parent', ['cs_pk', 'child'])
    op.create_index('ix_tx_concept_parent_parent', 'tx_concept_parent', ['cs_pk', 'parent'])
    op.create_table(
        'tx_concept_property', _pk(), _cs(),
        sa.Column('code', sa.Text(), nullable=False),
        sa.Column('property', sa.Text(), nullable=False),
        sa.Column('value_type', sa.String(length=32), nullable=False),
        sa.Column('value', sa.Text(), nullable=True),
    )
    op.create_index('ix_tx_concept_property_code', 'tx_concept_property', ['cs_pk', 'code'])
    op.create_index('ix_tx_concept_property_value', 'tx_concept_property',
                    ['cs_pk', 'property', 'value'])
    op.create_table(
        'tx_designation', _pk(), _cs(),
        sa.Column('code', sa.Text(), nullable=False),
        sa.Column('language', sa.String(length=32), nullable=True),
        sa.Column('use_system', sa.Text(), nullable=True),
        sa.Column('use_code', sa.Text(), nullable=True),
        sa.Column('use_display', sa.Text(), nullable=True),
        sa.Column('value', sa.Text(), nullable=False),
    )
    op.create_index('ix_tx_designation_code', 'tx_designation', ['cs_pk', 'code'])
    op.create_table(
        'tx_canonical',
        sa.Column('resource_type', sa.String(length=64), primary_key=True),
        sa.Column('resource_id', sa.String(length=64), primary_key=True),
        sa.Column('url', sa.Text(), nullable=False),
        sa.Column('version', sa.Text(), nullable=True),
    )
    op.create_index('ix_tx_canonical_url', 'tx_canonical', ['resource_type', 'url'])


def downgrade() -> None:
    for table in ('tx_canonical', 'tx_designation', 'tx_concept_property', 'tx_concept_parent',
                  'tx_concept', 'tx_code_system'):
        op.drop_table(table)
