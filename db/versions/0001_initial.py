"""Initial schema: profile user, people, cases, assessments, domains, participants, audit.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_APPEND_ONLY = "audit events are append-only"


def _belongs_to_assessment() -> sa.Column:
    return sa.Column(
        "assessment_id",
        sa.String(36),
        sa.ForeignKey("assessment.id", ondelete="CASCADE"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "profile_user",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("profession", sa.String(200), nullable=True),
        sa.Column("roles", sa.String(200), nullable=False),
        sa.Column("passphrase_hash", sa.String(200), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("nhs_number", sa.String(10), nullable=False, unique=True),
        sa.Column("given_name", sa.String(200), nullable=False),
        sa.Column("family_name", sa.String(200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
    )
    op.create_table(
        "case",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_ref", sa.String(40), nullable=False, unique=True),
        sa.Column(
            "person_id",
            sa.Integer(),
            sa.ForeignKey("person.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("setting", sa.String(20), nullable=False),
        sa.Column("referrer", sa.String(200), nullable=False),
        sa.Column("case_type", sa.String(20), nullable=False),
        sa.Column("received", sa.Date(), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("assigned_to", sa.String(200), nullable=True),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_case_status", "case", ["status"])
    op.create_index("ix_case_received", "case", ["received"])
    op.create_table(
        "assessment",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "case_id", sa.Integer(), sa.ForeignKey("case.id", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("supersedes_id", sa.String(36), sa.ForeignKey("assessment.id"), nullable=True),
        sa.Column("amend_reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("case_id", "kind", "version"),
    )
    op.create_table(
        "domain_entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        _belongs_to_assessment(),
        sa.Column("domain", sa.String(30), nullable=False),
        sa.Column("level", sa.String(20), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("sources", sa.Text(), nullable=True),
        sa.Column("individual_view", sa.Text(), nullable=True),
        sa.Column("mdt_notes", sa.Text(), nullable=True),
        sa.Column("agreed", sa.Boolean(), nullable=True),
        sa.Column("disagreement", sa.Text(), nullable=True),
        sa.UniqueConstraint("assessment_id", "domain"),
    )
    op.create_table(
        "participant",
        sa.Column("id", sa.Integer(), primary_key=True),
        _belongs_to_assessment(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("profession", sa.String(40), nullable=False),
        sa.Column("role", sa.String(40), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "audit_event",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("role", sa.String(40), nullable=False),
        sa.Column("action", sa.String(60), nullable=False),
        sa.Column("entity", sa.String(200), nullable=False),
        sa.Column("before_digest", sa.String(64), nullable=True),
        sa.Column("after_digest", sa.String(64), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_event_no_{verb.lower()} BEFORE {verb} ON audit_event "
            f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END"
        )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
    op.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
    for table in ("audit_event", "participant", "domain_entry", "assessment", "case", "person"):
        op.drop_table(table)
    op.drop_table("profile_user")
