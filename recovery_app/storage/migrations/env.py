"""Alembic environment: always runs on a connection handed in by storage.migrate.

There is no alembic.ini and no URL: the vault's key never appears in a config file.
"""

from alembic import context

from recovery_app.storage.models import SQLModel

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
