"""people: admission, skills, capacity, privacy

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 07:42:52.047437
"""

import sqlalchemy as sa
from alembic import op

import infra.sql_types

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # members first: on SQLite batch mode recreates the table, which must happen
    # before other tables hold foreign keys to it.
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('languages', sa.JSON(), server_default='[]', nullable=False))
        batch_op.add_column(sa.Column('motivation', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('introduced_by', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('joined_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('left_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('suspension_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('erased_at', infra.sql_types.UtcDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('default_weekly_hours', sa.Numeric(precision=5, scale=2), server_default='0', nullable=False))
        batch_op.alter_column('kvk_number',
               existing_type=sa.VARCHAR(length=8),
               nullable=True)
        batch_op.alter_column('btw_id',
               existing_type=sa.VARCHAR(length=14),
               nullable=True)
        batch_op.alter_column('iban',
               existing_type=sa.VARCHAR(length=34),
               nullable=True)
        batch_op.create_index(batch_op.f('ix_members_status'), ['status'], unique=False)

    op.create_table('skills',
    sa.Column('slug', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('esco_uri', sa.String(length=200), nullable=True),
    sa.Column('added_at', infra.sql_types.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('slug')
    )
    op.create_table('capacity_overrides',
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('week', sa.String(length=8), nullable=False),
    sa.Column('hours', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], ),
    sa.PrimaryKeyConstraint('member_id', 'week')
    )
    op.create_table('member_skills',
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('skill', sa.String(length=60), nullable=False),
    sa.Column('level', sa.SmallInteger(), nullable=True),
    sa.Column('years_experience', sa.SmallInteger(), nullable=True),
    sa.Column('wants_to_grow', sa.Boolean(), nullable=False),
    sa.Column('verified_level', sa.SmallInteger(), nullable=True),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('verified_at', infra.sql_types.UtcDateTime(timezone=True), nullable=True),
    sa.CheckConstraint('level BETWEEN 1 AND 5', name='ck_member_skills_level'),
    sa.CheckConstraint('verified_level BETWEEN 1 AND 5', name='ck_member_skills_verified_level'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], ),
    sa.PrimaryKeyConstraint('member_id', 'skill')
    )
    with op.batch_alter_table('member_skills', schema=None) as batch_op:
        batch_op.create_index('ix_member_skills_skill', ['skill'], unique=False)

    op.create_table('sponsorships',
    sa.Column('applicant_id', sa.String(length=36), nullable=False),
    sa.Column('sponsor_id', sa.String(length=36), nullable=False),
    sa.Column('met_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_at', infra.sql_types.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['members.id'], ),
    sa.ForeignKeyConstraint(['sponsor_id'], ['members.id'], ),
    sa.PrimaryKeyConstraint('applicant_id', 'sponsor_id')
    )
    with op.batch_alter_table('sponsorships', schema=None) as batch_op:
        batch_op.create_index('ix_sponsorships_sponsor', ['sponsor_id'], unique=False)

    op.create_table('unavailability',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.CheckConstraint('ends_on >= starts_on', name='ck_unavailability_dates'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('unavailability', schema=None) as batch_op:
        batch_op.create_index('ix_unavailability_member_dates', ['member_id', 'starts_on'], unique=False)


def downgrade() -> None:
    # Fails while members without fiscal ids exist (self-registered applicants, erased
    # members): those rows need a decision before the columns can be required again.
    with op.batch_alter_table('unavailability', schema=None) as batch_op:
        batch_op.drop_index('ix_unavailability_member_dates')

    op.drop_table('unavailability')
    with op.batch_alter_table('sponsorships', schema=None) as batch_op:
        batch_op.drop_index('ix_sponsorships_sponsor')

    op.drop_table('sponsorships')
    with op.batch_alter_table('member_skills', schema=None) as batch_op:
        batch_op.drop_index('ix_member_skills_skill')

    op.drop_table('member_skills')
    op.drop_table('capacity_overrides')
    op.drop_table('skills')

    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_members_status'))
        batch_op.alter_column('iban',
               existing_type=sa.VARCHAR(length=34),
               nullable=False)
        batch_op.alter_column('btw_id',
               existing_type=sa.VARCHAR(length=14),
               nullable=False)
        batch_op.alter_column('kvk_number',
               existing_type=sa.VARCHAR(length=8),
               nullable=False)
        batch_op.drop_column('default_weekly_hours')
        batch_op.drop_column('erased_at')
        batch_op.drop_column('suspension_reason')
        batch_op.drop_column('left_on')
        batch_op.drop_column('joined_on')
        batch_op.drop_column('introduced_by')
        batch_op.drop_column('motivation')
        batch_op.drop_column('languages')
