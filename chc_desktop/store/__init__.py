"""SQLAlchemy 2 models, the SQLCipher engine and migrations. No Qt."""
