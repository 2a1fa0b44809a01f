"""The dependencies every router takes, declared once (as full-stack-fastapi-template's `api/deps.py`).

`Session` is a write session: the route that writes asks for it. `ReadSession` never takes the write lock
and commits nothing; every GET and every POST that only reads (look-ups, batch decisions, gate queries)
takes it. `DeferredSession` is for a route that reads, asks siblings, then writes a little (the gate records
its decision): it takes no write lock until it writes, and commits."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import Depends, Path
from sqlalchemy.ext.asyncio import AsyncSession

from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.clock import request_now
from tpmhub_shared.contracts.keys import ITEM_KEY_PATTERN, PROJECT_KEY_PATTERN
from tpmhub_shared.db import deferred_write_session, read_only_session, write_session

Session = Annotated[AsyncSession, Depends(write_session, scope="function")]
ReadSession = Annotated[AsyncSession, Depends(read_only_session, scope="function")]
DeferredSession = Annotated[AsyncSession, Depends(deferred_write_session, scope="function")]
Principal = CurrentPrincipal
Now = Annotated[datetime, Depends(request_now)]

ProjectKeyPath = Annotated[str, Path(pattern=PROJECT_KEY_PATTERN, examples=["PAY"])]
ItemKeyPath = Annotated[str, Path(pattern=ITEM_KEY_PATTERN, examples=["PAY-42"])]

__all__ = ["DeferredSession", "ItemKeyPath", "Now", "Principal", "ProjectKeyPath", "ReadSession", "Session"]
