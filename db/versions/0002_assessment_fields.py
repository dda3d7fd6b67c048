"""Assessment details: date, place, participation, kind-specific fields, answers, recommendation.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("assessment", sa.Column("assess_date", sa.Date(), nullable=True))
    op.add_column("assessment", sa.Column("location", sa.String(200), nullable=True))
    op.add_column("assessment", sa.Column("individual_present", sa.Boolean(), nullable=True))
    op.add_column("assessment", sa.Column("representative", sa.Text(), nullable=True))
    op.add_column("assessment", sa.Column("details", sa.Text(), nullable=True))
    op.add_column("domain_entry", sa.Column("answer", sa.String(1), nullable=True))
    op.create_table(
        "recommendation",
        sa.Column(
            "assessment_id",
            sa.String(36),
            sa.ForeignKey("assessment.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("primary_health_need", sa.Boolean(), nullable=True),
        *(
            sa.Column(name, sa.Text(), nullable=True)
            for name in (
                "nature",
                "intensity",
                "complexity",
                "unpredictability",
                "individual_view",
                "dissent",
            )
        ),
    )


def downgrade() -> None:
    op.drop_table("recommendation")
    with op.batch_alter_table("domain_entry") as batch:
        batch.drop_column("answer")
    with op.batch_alter_table("assessment") as batch:
        for name in ("details", "representative", "individual_present", "location", "assess_date"):
            batch.drop_column(name)
