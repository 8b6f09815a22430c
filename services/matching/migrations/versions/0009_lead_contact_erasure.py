"""lead contact erasure

A lead's contact person can be erased (on request, or when the retention period after
closing has passed): the contact columns may be empty, and
`contact_erased_at` says since when.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24 10:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

import infra.sql_types

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('leads') as batch:
        batch.add_column(sa.Column('contact_erased_at',
                                   infra.sql_types.UtcDateTime(timezone=True), nullable=True))
        batch.alter_column('contact_name', existing_type=sa.String(length=200), nullable=True)
        batch.alter_column('contact_email', existing_type=sa.String(length=254), nullable=True)


def downgrade() -> None:
    # an erased contact cannot come back: such leads keep an empty name and address
    op.execute("UPDATE leads SET contact_name = '', contact_email = '' "
               "WHERE contact_erased_at IS NOT NULL")
    with op.batch_alter_table('leads') as batch:
        batch.alter_column('contact_email', existing_type=sa.String(length=254), nullable=False)
        batch.alter_column('contact_name', existing_type=sa.String(length=200), nullable=False)
        batch.drop_column('contact_erased_at')
