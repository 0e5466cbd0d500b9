"""Alembic environment: runs on the connection Database.migrate() hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from datalinx.dao.models import Base

config = context.config
connection = config.attributes.get("connection")

if connection is None:  # `alembic` command line: take the URL from the settings.
    from datalinx.config import get_settings

    engine = create_engine(get_settings().effective_database_url)
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
