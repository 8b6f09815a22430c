"""postings by kind and day: the VAT return reads a quarter's purchases from partner coops

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 20:15:00.000000
"""

from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_postings_kind_booked_on', 'postings', ['kind', 'booked_on'])


def downgrade() -> None:
    op.drop_index('ix_postings_kind_booked_on', table_name='postings')
