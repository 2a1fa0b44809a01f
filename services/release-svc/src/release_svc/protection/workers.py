"""The protection re-check worker: evaluates due pending GitHub deployment protection requests.

Safe with several replicas: each pass reserves the due requests it takes with a lease under `FOR UPDATE
SKIP LOCKED` on PostgreSQL (SQLite serializes writers), and a request moves only while locked and pending,
so no state is ever emitted twice."""

import asyncio
from typing import Any

from tpmhub_shared.logging import get_logger

from release_svc.protection import service

log = get_logger(__name__)


async def protection_rechecker(app: Any) -> None:
    stopping: asyncio.Event = app.state.stopping
    while not stopping.is_set():
        try:
            work = await service.run_once(app)
        except Exception:  # a database hiccup must not stop the worker; log it and try again
            log.exception("protection_rechecker_failed")
            work = 0
        if work:
            continue
        try:
            await asyncio.wait_for(stopping.wait(), timeout=app.state.settings.protection_poll_seconds)
        except TimeoutError:
            pass


WORKERS = [protection_rechecker]
