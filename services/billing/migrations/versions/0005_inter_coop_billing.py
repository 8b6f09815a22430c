"""inter-coop billing: external contracts, partner coops as customers

Written by hand: `partner_coops` (federation's partners as customers) and
`partner_placements` (what makes a contract external, at coop A, or lent, at coop B).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 13:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

import infra.sql_types

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'partner_coops',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('coop_uri', sa.String(length=200), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('legal_name', sa.String(length=200), nullable=True),
        sa.Column('country', sa.String(length=2), nullable=True),
        sa.Column('vat_id', sa.String(length=40), nullable=True),
        sa.Column('street', sa.String(length=200), nullable=True),
        sa.Column('postal_code', sa.String(length=16), nullable=True),
        sa.Column('city', sa.String(length=100), nullable=True),
        sa.Column('address_country', sa.String(length=2), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updated_at', infra.sql_types.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_table(
        'partner_placements',
        sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'),
                  autoincrement=True, nullable=False),
        sa.Column('contract_id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('placement_id', sa.String(length=36), nullable=False),
        sa.Column('partner_id', sa.String(length=36), nullable=False),
        sa.Column('partner_name', sa.String(length=200), nullable=True),
        sa.Column('candidate_id', sa.String(length=36), nullable=False),
        sa.Column('skill', sa.String(length=100), nullable=False),
        sa.Column('partner_hourly_rate', sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column('recorded_at', infra.sql_types.UtcDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('external', 'lent')", name='ck_partner_placements_kind'),
        sa.ForeignKeyConstraint(['contract_id'], ['contracts.id']),
        sa.PrimaryKeyConstraint('seq'),
        sa.UniqueConstraint('contract_id'),
    )
    op.create_index(op.f('ix_partner_placements_partner_id'), 'partner_placements',
                    ['partner_id'], unique=False)
    op.create_index(op.f('ix_partner_placements_placement_id'), 'partner_placements',
                    ['placement_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_partner_placements_placement_id'), table_name='partner_placements')
    op.drop_index(op.f('ix_partner_placements_partner_id'), table_name='partner_placements')
    op.drop_table('partner_placements')
    op.drop_table('partner_coops')
