"""members' names for invoice lines, and the end of a contract when matching ends it

Written by hand. Columns are added with plain `ADD COLUMN` (no SQLite batch copy), so
`invoice_lines` keeps its insert-only triggers: a nullable column with no default
changes no existing row.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 09:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

import infra.sql_types


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('member_names',
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', infra.sql_types.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('member_id')
    )
    op.add_column('contracts', sa.Column('ended_on', sa.Date(), nullable=True))
    op.add_column('contracts', sa.Column('end_reason', sa.String(length=200), nullable=True))
    op.add_column('invoice_lines', sa.Column('member_name', sa.String(length=200),
                                             nullable=True))


def downgrade() -> None:
    op.drop_column('invoice_lines', 'member_name')
    op.drop_column('contracts', 'end_reason')
    op.drop_column('contracts', 'ended_on')
    op.drop_table('member_names')
