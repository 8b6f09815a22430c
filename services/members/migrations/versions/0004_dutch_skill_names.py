"""Dutch names of the skills operators added

Adds the nullable `skills.name_nl` (skills added before have none: the English name serves).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 20:40:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("skills", sa.Column("name_nl", sa.String(100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("skills") as batch:
        batch.drop_column("name_nl")
