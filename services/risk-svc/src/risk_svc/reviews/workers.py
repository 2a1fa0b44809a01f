"""Background work of reviews: the daily review reminders."""

import asyncio

from fastapi import FastAPI
from tpmhub_shared.clock import now_for
from tpmhub_shared.logging import get_logger

from risk_svc.reviews.reminders import check_review_reminders

log = get_logger(__name__)


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


WORKERS = [review_reminder_worker]
