"""Storage: one SQLAlchemy implementation of the repository for SQLite and PostgreSQL."""
