"""The one API that reads and changes data: permissions and audit live here only."""
