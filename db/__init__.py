"""Storage: SQLAlchemy models, engine and sessions, Alembic migrations, reference and demo data."""
