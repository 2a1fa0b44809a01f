"""Test harness shared by every service's tests: throwaway PostgreSQL, databases per test run, tokens,
the app in-process, and the services as real processes."""
