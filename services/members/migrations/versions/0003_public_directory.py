"""members who list themselves in the public directory

Adds `members.listed_in_directory` (false for everyone: members opt in themselves).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 13:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("members", sa.Column("listed_in_directory", sa.Boolean(), nullable=False,
                                       server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_column("listed_in_directory")
