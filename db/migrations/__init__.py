"""Alembic migrations: env.py and the date-prefixed revisions under versions/."""
