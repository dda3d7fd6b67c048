"""CLI command handlers: thin wrappers that parse arguments, call services and print."""
