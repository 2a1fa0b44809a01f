"""Change history: who changed what, when, field by field; readable per resource."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic import Field as PField
from sqlalchemy import Column, Index, String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import Field, SQLModel, select

from tpmhub_shared.auth import Principal
from tpmhub_shared.db import JSONType, UTCDateTime
from tpmhub_shared.ids import new_id, utcnow
from tpmhub_shared.pagination import Page, paginate


class HistoryEntry(SQLModel, table=True):
    __tablename__ = "history"
    __table_args__ = (Index("ix_history_resource", "resource_type", "resource_id", "id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    project_key: str = Field(sa_column=Column(String(10), nullable=False, index=True))
    resource_type: str = Field(max_length=40)
    resource_id: str = Field(max_length=64)
    action: str = Field(max_length=40)
    actor: str = Field(max_length=200)
    actor_name: str = Field(default="", max_length=200)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    changes: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSONType, nullable=False))
    note: str | None = Field(default=None, max_length=2000)


class FieldChange(BaseModel):
    field: str = PField(examples=["status"])
    before: Any = PField(default=None, examples=["ready"])
    after: Any = PField(default=None, examples=["in_progress"])


class HistoryEntryPublic(BaseModel):
    """One recorded change of a resource."""

    id: uuid.UUID
    resource_type: str = PField(examples=["item"])
    resource_id: str = PField(examples=["PAY-42"])
    action: str = PField(examples=["update"])
    actor: str = PField(examples=["alice"])
    actor_name: str = ""
    at: datetime
    changes: list[FieldChange]
    note: str | None = None


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value


_SKIP = frozenset({"id", "created_at", "updated_at", "version"})


def snapshot(obj: Any, fields: list[str] | None = None) -> dict[str, Any]:
    """The recordable state of a row: its fields as JSON values (bookkeeping columns left out)."""
    names = fields or [n for n in type(obj).model_fields if n not in _SKIP]
    return {n: jsonable(getattr(obj, n)) for n in names}


def diff(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[dict[str, Any]]:
    before, after = before or {}, after or {}
    changes = []
    for name in sorted(set(before) | set(after)):
        if before.get(name) != after.get(name):
            changes.append({"field": name, "before": before.get(name), "after": after.get(name)})
    return changes


async def record(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    resource_type: str,
    resource_id: str | uuid.UUID,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str | None = None,
) -> HistoryEntry | None:
    """Add a history row in the caller's transaction; an update that changed nothing writes nothing."""
    changes = diff(before, after)
    if action == "update" and not changes:
        return None
    entry = HistoryEntry(
        project_key=project_key,
        resource_type=resource_type,
        resource_id=str(resource_id),
        action=action,
        actor=principal.sub,
        actor_name=principal.name,
        changes=changes,
        note=note,
    )
    session.add(entry)
    return entry


async def list_history(
    session: AsyncSession,
    *,
    resource_type: str,
    resource_id: str | uuid.UUID,
    limit: int,
    cursor: str | None,
) -> Page[HistoryEntryPublic]:
    stmt = select(HistoryEntry).where(
        HistoryEntry.resource_type == resource_type, HistoryEntry.resource_id == str(resource_id)
    )
    rows, next_cursor = await paginate(
        session, stmt, order=[], id_column=HistoryEntry.id, limit=limit, cursor=cursor, sort_key="history"
    )
    return Page[HistoryEntryPublic](
        items=[HistoryEntryPublic.model_validate(r, from_attributes=True) for r in rows],
        next_cursor=next_cursor,
    )
