"""What a service is made of (`ServiceSpec`): name, routers, models and migrations, background work and
event handlers, merged from its domains' tables."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI

Hook = Callable[[FastAPI], Awaitable[None]]
Worker = Callable[[FastAPI], Awaitable[None]]


class DuplicateHandler(RuntimeError):
    """Two domains handle the same event type: refused when the service is put together, never last-wins."""


def merge_handlers(*tables: dict[str, Any]) -> dict[str, Any]:
    """Merge the domains' handler tables ({event type: async handler}); a type handled twice is an error."""
    merged: dict[str, Any] = {}
    for table in tables:
        for event_type, handler in table.items():
            if event_type in merged:
                raise DuplicateHandler(
                    f"{event_type!r} is handled by both {merged[event_type].__module__}."
                    f"{merged[event_type].__qualname__} and {handler.__module__}.{handler.__qualname__}"
                )
            merged[event_type] = handler
    return merged


@dataclass
class ServiceSpec:
    """What makes one service: its name, routers, models and migrations, and background work."""

    name: str
    title: str
    description: str
    routers: Sequence[APIRouter]
    models_module: str
    versions_dir: Path
    tags: list[dict[str, str]] = field(default_factory=list)
    on_startup: Sequence[Hook] = ()
    on_shutdown: Sequence[Hook] = ()
    workers: Sequence[Worker] = ()
    upload_paths: Sequence[str] = ()  # regexes of paths allowed the larger upload limit
    event_handlers: dict[str, Any] = field(default_factory=dict)  # event type → async handler
    # Refuse projects requirements-svc does not know on every /v1/projects/{key}… route (404, or 503 when
    # that cannot be confirmed), learning them from `project.created` (tpmhub_shared.project_directory).
    project_directory: bool = False
