"""JSON merge-patch (RFC 7396) onto a row: only the fields sent change; null clears a nullable field."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from tpmhub_shared.problems import UnprocessableEntity, field_error


def merge_patch(
    target: Any, patch: BaseModel, *, required: frozenset[str] | set[str] = frozenset()
) -> dict[str, Any]:
    """Apply the fields set in `patch` to `target`; returns what was applied. Fields in `required`
    may not be cleared with null (422 naming them)."""
    changes = patch.model_dump(exclude_unset=True)
    nulls = [name for name, value in changes.items() if value is None and name in required]
    if nulls:
        raise UnprocessableEntity(
            f"These fields cannot be null: {', '.join(nulls)}.",
            errors=[field_error(f"body.{n}", "may not be null", "null_not_allowed") for n in nulls],
        )
    for name, value in changes.items():
        setattr(target, name, value)
    return changes
