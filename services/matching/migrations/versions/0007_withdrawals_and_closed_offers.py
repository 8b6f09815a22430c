"""withdrawn seat offers and candidates

A partner's candidate has a status (offered, withdrawn); a seat's open offers share no
first week (the unique constraint becomes a partial unique index: the weeks of a
withdrawn offer, or of a placement cut short, may be offered again).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 17:20:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

OPEN_ONLY = sa.text("status = 'open'")


def upgrade() -> None:
    with op.batch_alter_table('partner_candidates') as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=20), nullable=False,
                                      server_default='offered'))
    with op.batch_alter_table('seat_offers') as batch_op:
        batch_op.drop_constraint('uq_seat_offers_seat_first_week', type_='unique')
    op.create_index('uq_seat_offers_seat_first_week', 'seat_offers', ['seat_id', 'first_week'],
                    unique=True, sqlite_where=OPEN_ONLY, postgresql_where=OPEN_ONLY)


def downgrade() -> None:
    op.drop_index('uq_seat_offers_seat_first_week', table_name='seat_offers')
    with op.batch_alter_table('seat_offers') as batch_op:
        batch_op.create_unique_constraint('uq_seat_offers_seat_first_week',
                                          ['seat_id', 'first_week'])
    with op.batch_alter_table('partner_candidates') as batch_op:
        batch_op.drop_column('status')
