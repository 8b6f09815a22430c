"""collective insurance: policies, enrolments, premium charges, leave dates; premiums on
payout lines

Written by hand. `payout_lines.premium` is added with plain `ADD COLUMN` and a server
default of 0, so batches made before keep their lines as they were.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 13:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

import infra.sql_types  # noqa: F401

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'insurance_policies',
        sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('insurer', sa.String(length=200), nullable=False),
        sa.Column('coverage', sa.Text(), nullable=False),
        sa.Column('insured_amount', sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column('monthly_premium', sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column('conditions', sa.Text(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.CheckConstraint('monthly_premium > 0', name='ck_insurance_policies_premium'),
        sa.PrimaryKeyConstraint('seq'),
        sa.UniqueConstraint('id'),
    )
    op.create_table(
        'insurance_enrolments',
        sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('member_id', sa.String(length=36), nullable=False),
        sa.Column('policy_id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('starts_on', sa.Date(), nullable=False),
        sa.Column('ends_on', sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(['policy_id'], ['insurance_policies.id']),
        sa.PrimaryKeyConstraint('seq'),
        sa.UniqueConstraint('id'),
    )
    op.create_index(op.f('ix_insurance_enrolments_member_id'), 'insurance_enrolments',
                    ['member_id'], unique=False)
    op.create_table(
        'insurance_charges',
        sa.Column('enrolment_id', sa.String(length=36), nullable=False),
        sa.Column('month', sa.String(length=7), nullable=False),
        sa.Column('member_id', sa.String(length=36), nullable=False),
        sa.Column('policy_id', sa.String(length=36), nullable=False),
        sa.Column('premium', sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column('deducted', sa.Numeric(precision=14, scale=2), nullable=False),
        sa.CheckConstraint('deducted >= 0 AND deducted <= premium',
                           name='ck_insurance_charges_deducted'),
        sa.ForeignKeyConstraint(['enrolment_id'], ['insurance_enrolments.id']),
        sa.PrimaryKeyConstraint('enrolment_id', 'month'),
    )
    op.create_index(op.f('ix_insurance_charges_member_id'), 'insurance_charges',
                    ['member_id'], unique=False)
    op.create_table(
        'insurance_leavers',
        sa.Column('member_id', sa.String(length=36), nullable=False),
        sa.Column('left_on', sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint('member_id'),
    )
    op.add_column('payout_lines', sa.Column('premium', sa.Numeric(precision=14, scale=2),
                                            server_default='0', nullable=False))


def downgrade() -> None:
    op.drop_column('payout_lines', 'premium')
    op.drop_table('insurance_leavers')
    op.drop_index(op.f('ix_insurance_charges_member_id'), table_name='insurance_charges')
    op.drop_table('insurance_charges')
    op.drop_index(op.f('ix_insurance_enrolments_member_id'), table_name='insurance_enrolments')
    op.drop_table('insurance_enrolments')
    op.drop_table('insurance_policies')
