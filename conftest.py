"""Root conftest: the shared test harness (throwaway PostgreSQL, SQLite, tokens) for every test tree."""

pytest_plugins = ["tpmhub_shared.testing.plugin"]
