"""insurance memberships: the current membership's leave date, the rejoin date, the version

Written by hand: `insurance_leavers` (the earliest leave date ever heard of) becomes
`insurance_memberships` (the leave date of the member's *current* membership, null when
they are a member again; the day they last rejoined; the members snapshot version
followed). Every leave date is carried over as it was, with no rejoin and no version (the
next snapshot from members is newer than anything so far). Downgrading keeps the rows that
still have a leave date.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 18:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'insurance_memberships',
        sa.Column('member_id', sa.String(length=36), nullable=False),
        sa.Column('left_on', sa.Date(), nullable=True),
        sa.Column('rejoined_on', sa.Date(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint('member_id'),
    )
    op.execute("INSERT INTO insurance_memberships (member_id, left_on) "
               "SELECT member_id, left_on FROM insurance_leavers")
    op.drop_table('insurance_leavers')


def downgrade() -> None:
    op.create_table(
        'insurance_leavers',
        sa.Column('member_id', sa.String(length=36), nullable=False),
        sa.Column('left_on', sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint('member_id'),
    )
    op.execute("INSERT INTO insurance_leavers (member_id, left_on) "
               "SELECT member_id, left_on FROM insurance_memberships WHERE left_on IS NOT NULL")
    op.drop_table('insurance_memberships')
