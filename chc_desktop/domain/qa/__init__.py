"""Built-in QA checklists: rules as data (resources/qa/*.toml), checks as pure functions."""
