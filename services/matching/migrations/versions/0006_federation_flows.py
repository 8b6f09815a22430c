"""seat offers to and from partner coops, external team members, lendings

Our seat offers to partners (recipients, candidates), placements of partners' members
(external team members), partners' offers to us, the candidates we offered, lendings.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 13:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

import infra.sql_types

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('incoming_offers',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('partner_id', sa.String(length=36), nullable=False),
    sa.Column('partner_name', sa.String(length=200), nullable=False),
    sa.Column('offer_id', sa.String(length=36), nullable=False),
    sa.Column('skill', sa.String(length=60), nullable=False),
    sa.Column('min_level', sa.SmallInteger(), nullable=False),
    sa.Column('hours_per_week', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.Column('first_week', sa.String(length=8), nullable=False),
    sa.Column('last_week', sa.String(length=8), nullable=False),
    sa.Column('rate_min', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('rate_max', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('received_at', infra.sql_types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('partner_id', 'offer_id', name='uq_incoming_offers_partner_offer')
    )
    op.create_table('offered_candidates',
    sa.Column('candidate_id', sa.String(length=36), nullable=False),
    sa.Column('incoming_offer_id', sa.String(length=36), nullable=False),
    sa.Column('partner_id', sa.String(length=36), nullable=False),
    sa.Column('offer_id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('hourly_rate', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('skills', sa.JSON(), nullable=False),
    sa.Column('available_hours_per_week', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.Column('introduction', sa.Text(), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('offered_at', infra.sql_types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['incoming_offer_id'], ['incoming_offers.id'], ),
    sa.PrimaryKeyConstraint('candidate_id'),
    sa.UniqueConstraint('incoming_offer_id', 'member_id', name='uq_offered_candidates_offer_member')
    )
    op.create_index(op.f('ix_offered_candidates_incoming_offer_id'), 'offered_candidates', ['incoming_offer_id'], unique=False)
    op.create_index(op.f('ix_offered_candidates_member_id'), 'offered_candidates', ['member_id'], unique=False)
    op.create_table('lendings',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('placement_id', sa.String(length=36), nullable=False),
    sa.Column('partner_id', sa.String(length=36), nullable=False),
    sa.Column('partner_name', sa.String(length=200), nullable=False),
    sa.Column('offer_id', sa.String(length=36), nullable=False),
    sa.Column('candidate_id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('skill', sa.String(length=60), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('hours_per_week', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.Column('hourly_rate', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('lent_at', infra.sql_types.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['offered_candidates.candidate_id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('candidate_id'),
    sa.UniqueConstraint('partner_id', 'placement_id', name='uq_lendings_partner_placement')
    )
    op.create_index(op.f('ix_lendings_member_id'), 'lendings', ['member_id'], unique=False)
    op.create_table('seat_offers',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('client_id', sa.String(length=36), nullable=False),
    sa.Column('seat_id', sa.String(length=110), nullable=False),
    sa.Column('role_id', sa.String(length=36), nullable=False),
    sa.Column('skill', sa.String(length=60), nullable=False),
    sa.Column('min_level', sa.SmallInteger(), nullable=False),
    sa.Column('hours_per_week', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.Column('first_week', sa.String(length=8), nullable=False),
    sa.Column('last_week', sa.String(length=8), nullable=False),
    sa.Column('rate_min', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('rate_max', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('opened_at', infra.sql_types.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('seat_id', 'first_week', name='uq_seat_offers_seat_first_week')
    )
    op.create_index(op.f('ix_seat_offers_project_id'), 'seat_offers', ['project_id'], unique=False)
    op.create_index(op.f('ix_seat_offers_seat_id'), 'seat_offers', ['seat_id'], unique=False)
    op.create_table('partner_candidates',
    sa.Column('offer_id', sa.String(length=36), nullable=False),
    sa.Column('candidate_id', sa.String(length=36), nullable=False),
    sa.Column('partner_id', sa.String(length=36), nullable=False),
    sa.Column('partner_name', sa.String(length=200), nullable=False),
    sa.Column('skills', sa.JSON(), nullable=False),
    sa.Column('available_hours_per_week', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.Column('introduction', sa.Text(), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('hourly_rate', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('received_at', infra.sql_types.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['offer_id'], ['seat_offers.id'], ),
    sa.PrimaryKeyConstraint('offer_id', 'candidate_id')
    )
    op.create_table('placements',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('offer_id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('client_id', sa.String(length=36), nullable=False),
    sa.Column('seat_id', sa.String(length=110), nullable=False),
    sa.Column('role_id', sa.String(length=36), nullable=False),
    sa.Column('skill', sa.String(length=60), nullable=False),
    sa.Column('partner_id', sa.String(length=36), nullable=False),
    sa.Column('partner_name', sa.String(length=200), nullable=False),
    sa.Column('candidate_id', sa.String(length=36), nullable=False),
    sa.Column('hours_per_week', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('client_hourly_rate', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('partner_hourly_rate', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('placed_at', infra.sql_types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('introduction', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['offer_id'], ['seat_offers.id'], ),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('offer_id')
    )
    op.create_index(op.f('ix_placements_project_id'), 'placements', ['project_id'], unique=False)
    op.create_table('seat_offer_recipients',
    sa.Column('offer_id', sa.String(length=36), nullable=False),
    sa.Column('partner_id', sa.String(length=36), nullable=False),
    sa.Column('partner_name', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['offer_id'], ['seat_offers.id'], ),
    sa.PrimaryKeyConstraint('offer_id', 'partner_id')
    )


def downgrade() -> None:
    op.drop_table('seat_offer_recipients')
    op.drop_index(op.f('ix_placements_project_id'), table_name='placements')
    op.drop_table('placements')
    op.drop_table('partner_candidates')
    op.drop_index(op.f('ix_seat_offers_seat_id'), table_name='seat_offers')
    op.drop_index(op.f('ix_seat_offers_project_id'), table_name='seat_offers')
    op.drop_table('seat_offers')
    op.drop_index(op.f('ix_lendings_member_id'), table_name='lendings')
    op.drop_table('lendings')
    op.drop_index(op.f('ix_offered_candidates_member_id'), table_name='offered_candidates')
    op.drop_index(op.f('ix_offered_candidates_incoming_offer_id'), table_name='offered_candidates')
    op.drop_table('offered_candidates')
    op.drop_table('incoming_offers')
