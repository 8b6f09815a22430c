"""a partner coop's legal and billing details

A nullable JSON column `billing` on `partners`: {legal_name, country, vat_id, address}.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 13:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

import infra.sql_types  # noqa: F401

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("partners") as batch:
        batch.add_column(sa.Column("billing", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("partners") as batch:
        batch.drop_column("billing")
