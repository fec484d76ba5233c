"""Self-trust exercises: runs and hidden exercises; promises to myself in one store (moved out
of the check-in); instincts and predictions ("hunches") to check later.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "promise",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False, index=True),
        sa.Column("outcome", sa.String(length=8), nullable=True),
        sa.Column("check_in_day", sa.Date(), nullable=True, unique=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("marked_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "hunch",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("fearful", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("check_after", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("what_happened", sa.String(), nullable=False, server_default=""),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "exercise_run",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("exercise_id", sa.String(length=64), nullable=False, index=True),
        sa.Column("answers", sa.String(), nullable=False, server_default="{}"),
        sa.Column("current_step", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("finished", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "hidden_exercise",
        sa.Column("exercise_id", sa.String(length=64), primary_key=True),
        sa.Column("hidden_at", sa.DateTime(), nullable=False),
    )
    # Each check-in's promise becomes a promise for its day; the next day's answer about
    # "yesterday's promise" becomes its outcome ("skip" was no answer, so it stays open).
    op.execute(
        """
        INSERT INTO promise (text, day, outcome, check_in_day, created_at, marked_at)
        SELECT made.promise, made.day,
               CASE WHEN next.yesterday_promise IN ('kept', 'not')
                    THEN next.yesterday_promise END,
               made.day, made.created_at,
               CASE WHEN next.yesterday_promise IN ('kept', 'not') THEN next.updated_at END
        FROM check_in AS made
        LEFT JOIN check_in AS next ON next.day = date(made.day, '+1 day')
        WHERE made.promise != ''
        """
    )
    with op.batch_alter_table("check_in") as check_in:
        check_in.drop_column("yesterday_promise")
        check_in.drop_column("promise")


def downgrade() -> None:
    with op.batch_alter_table("check_in") as check_in:
        check_in.add_column(sa.Column("promise", sa.String(), nullable=False, server_default=""))
        check_in.add_column(sa.Column("yesterday_promise", sa.String(length=8), nullable=True))
    op.execute(
        """
        UPDATE check_in SET promise = coalesce(
            (SELECT text FROM promise WHERE promise.check_in_day = check_in.day), '')
        """
    )
    op.execute(
        """
        UPDATE check_in SET yesterday_promise = (
            SELECT outcome FROM promise
            WHERE promise.check_in_day = date(check_in.day, '-1 day')
              AND promise.outcome IN ('kept', 'not'))
        """
    )
    op.drop_table("hidden_exercise")
    op.drop_table("exercise_run")
    op.drop_table("hunch")
    op.drop_table("promise")
