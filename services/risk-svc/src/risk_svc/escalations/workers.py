"""Background work of escalation: the automatic escalation check."""

import asyncio

from fastapi import FastAPI
from tpmhub_shared.clock import now_for
from tpmhub_shared.logging import get_logger

from risk_svc.escalations.service import check_escalations

log = get_logger(__name__)


async def escalation_worker(app: FastAPI) -> None:
    """Every `escalation_interval_seconds`, escalate what must be (see escalation.check_escalations; safe
    with several replicas), until the app stops. The time source is `app.state.clock` when set."""
    settings = app.state.settings
    while not app.state.stopping.is_set():
        try:
            await check_escalations(
                app.state.db, now=now_for(app), high_overdue_days=settings.escalation_high_overdue_days
            )
        except Exception:
            log.exception("escalation_check_failed")
        try:
            await asyncio.wait_for(app.state.stopping.wait(), timeout=settings.escalation_interval_seconds)
        except TimeoutError:
            pass


WORKERS = [escalation_worker]
