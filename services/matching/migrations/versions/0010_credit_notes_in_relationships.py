"""credit notes in relationships

Billing's credit notes join a client's relationship next to its invoices:
`credited_invoice` is the number of the invoice a credit note credits (null: an invoice).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24 11:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('client_invoices',
                  sa.Column('credited_invoice', sa.String(length=40), nullable=True))


def downgrade() -> None:
    # credit notes would read as invoices without the column: forget them
    op.execute("DELETE FROM client_invoices WHERE credited_invoice IS NOT NULL")
    with op.batch_alter_table('client_invoices') as batch:
        batch.drop_column('credited_invoice')
