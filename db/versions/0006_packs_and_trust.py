"""Exported review packs and the profile's trusted root certificates.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_pack",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "assessment_id",
            sa.String(36),
            sa.ForeignKey("assessment.id", ondelete="RESTRICT"),
            nullable=False,
            index=True,
        ),
        sa.Column("manifest_sha256", sa.String(64), nullable=False),
        sa.Column("pack_sha256", sa.String(64), nullable=False),
        sa.Column("supersedes", sa.String(64), nullable=True),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "trusted_root",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("fingerprint", sa.String(64), nullable=False, unique=True),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("certificate_pem", sa.Text(), nullable=False),
        sa.Column("added_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("trusted_root")
    op.drop_table("review_pack")
