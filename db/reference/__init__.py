"""Reference data shipped by migrations: plain Python constants (frozen dataclasses), no SQLAlchemy."""
