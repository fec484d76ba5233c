"""The urges counted from a small index, for the Urges screen's first page.

"50,000 urges noted" counts every urge. SQLite counts a table through its smallest index,
which was the moments' (a date and time in every entry): on a heavy journal some 800 pages,
each decrypted on the first visit after an unlock, about 20 ms for 100,000 urges. An index
of the intensity alone (a number or nothing) holds the same rows in a quarter of the pages.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

NAME = "ix_urge_intensity"


def upgrade() -> None:
    op.create_index(NAME, "urge", ["intensity"])


def downgrade() -> None:
    op.drop_index(NAME, table_name="urge")
