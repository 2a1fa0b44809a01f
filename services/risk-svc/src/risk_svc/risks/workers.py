"""Background work of the register: the automatic escalation check and the daily review reminders."""

import asyncio

from fastapi import FastAPI
from tpmhub_shared.clock import now_for
from tpmhub_shared.logging import get_logger

from risk_svc.risks.escalation import check_escalations
from risk_svc.risks.reminders import check_review_reminders

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


async def review_reminder_worker(app: FastAPI) -> None:
    """Every `review_reminder_interval_seconds`, remind each owner of due or overdue reviews once per UTC
    day (see reminders.check_review_reminders; safe with several replicas)."""
    settings = app.state.settings
    while not app.state.stopping.is_set():
        try:
            await check_review_reminders(app.state.db, now=now_for(app))
        except Exception:
            log.exception("review_reminder_check_failed")
        try:
            await asyncio.wait_for(
                app.state.stopping.wait(), timeout=settings.review_reminder_interval_seconds
            )
        except TimeoutError:
            pass


WORKERS = [escalation_worker, review_reminder_worker]
