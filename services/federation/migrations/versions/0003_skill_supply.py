"""partners' shared skill supply

`partner_skill_supply`: the latest counts per skill each partner shared with us.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 13:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

import infra.sql_types

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partner_skill_supply",
        sa.Column("partner_id", sa.String(length=36), nullable=False),
        sa.Column("partner_name", sa.String(length=200), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("received_at", infra.sql_types.UtcDateTime(), nullable=False),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["partner_id"], ["partners.id"]),
        sa.PrimaryKeyConstraint("partner_id"),
    )


def downgrade() -> None:
    op.drop_table("partner_skill_supply")
