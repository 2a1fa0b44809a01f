"""Acceptance criteria: first-class children of a backlog item, verified one by one."""
