"""Alembic environment: always run on a connection handed in by chc_desktop.store.migrate."""

from alembic import context

from chc_desktop.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
