"""The audit chain's anchor: the last event's seq and hash, kept by a trigger.

Deleting events from the end of the chain (truncation) leaves every remaining
link intact; the anchor is what shows that events are missing.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_anchor",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.execute(
        "INSERT INTO audit_anchor (id, seq, hash) "
        "SELECT 1, COALESCE(MAX(seq), 0), COALESCE((SELECT hash FROM audit_event "
        "ORDER BY seq DESC LIMIT 1), '') FROM audit_event"
    )
    op.execute(
        "CREATE TRIGGER audit_event_anchor AFTER INSERT ON audit_event "
        "BEGIN UPDATE audit_anchor SET seq = NEW.seq, hash = NEW.hash WHERE id = 1; END"
    )
    op.execute(
        "CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor "
        "BEGIN SELECT RAISE(ABORT, 'the audit anchor cannot be deleted'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_anchor_no_delete")
    op.execute("DROP TRIGGER IF EXISTS audit_event_anchor")
    op.drop_table("audit_anchor")
