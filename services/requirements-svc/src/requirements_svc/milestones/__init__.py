"""Milestones of a project: target date, status, linked backlog items and progress."""
