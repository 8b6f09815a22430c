"""partner payments (coop A pays partner coops); rate mismatches on lent placements

Written by hand: `partner_payments` (what coop A paid a partner coop, with the partner's
invoice reference; the money itself is the ledger's posting `partner_paid`), and on
`partner_placements` the last `PartnerRateDiffers` a partner reported (plain nullable
`ADD COLUMN`s).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 14:10:00.000000
"""

import sqlalchemy as sa
from alembic import op

import infra.sql_types

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'partner_payments',
        sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'),
                  autoincrement=True, nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('partner_id', sa.String(length=36), nullable=False),
        sa.Column('amount', sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column('vat', sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column('paid_on', sa.Date(), nullable=False),
        sa.Column('reference', sa.String(length=200), nullable=False),
        sa.Column('posting_id', sa.String(length=36), nullable=False),
        sa.Column('recorded_at', infra.sql_types.UtcDateTime(timezone=True), nullable=False),
        sa.CheckConstraint('amount > 0', name='ck_partner_payments_amount'),
        sa.PrimaryKeyConstraint('seq'),
        sa.UniqueConstraint('id'),
    )
    op.create_index(op.f('ix_partner_payments_partner_id'), 'partner_payments',
                    ['partner_id'], unique=False)
    op.add_column('partner_placements',
                  sa.Column('reported_hourly_rate', sa.Numeric(precision=14, scale=2),
                            nullable=True))
    op.add_column('partner_placements',
                  sa.Column('rate_reported_timesheet_id', sa.String(length=36), nullable=True))
    op.add_column('partner_placements',
                  sa.Column('rate_differs_noticed_at',
                            infra.sql_types.UtcDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column('partner_placements', 'rate_differs_noticed_at')
    op.drop_column('partner_placements', 'rate_reported_timesheet_id')
    op.drop_column('partner_placements', 'reported_hourly_rate')
    op.drop_index(op.f('ix_partner_payments_partner_id'), table_name='partner_payments')
    op.drop_table('partner_payments')
