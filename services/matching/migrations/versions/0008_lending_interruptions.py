"""lending interruptions

A lent member who cannot work for a while: what the lending coop told the partner
(`lending_interruptions`, by interruption id) and what the borrowing coop heard and
reported as a coverage gap (`placement_interruptions`).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 20:40:00.000000
"""

import sqlalchemy as sa
from alembic import op

import infra.sql_types

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('placement_interruptions',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('placement_id', sa.String(length=36), nullable=False),
    sa.Column('first_day', sa.Date(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('as_of', infra.sql_types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('reported_weeks', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['placement_id'], ['placements.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_placement_interruptions_placement_id'),
                    'placement_interruptions', ['placement_id'], unique=False)
    op.create_table('lending_interruptions',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('lending_id', sa.String(length=36), nullable=False),
    sa.Column('unavailability_id', sa.String(length=36), nullable=False),
    sa.Column('first_day', sa.Date(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['lending_id'], ['lendings.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_lending_interruptions_lending_id'), 'lending_interruptions',
                    ['lending_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_lending_interruptions_lending_id'),
                  table_name='lending_interruptions')
    op.drop_table('lending_interruptions')
    op.drop_index(op.f('ix_placement_interruptions_placement_id'),
                  table_name='placement_interruptions')
    op.drop_table('placement_interruptions')
