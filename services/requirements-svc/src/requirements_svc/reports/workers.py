"""The report scheduler: every replica runs it; the unique delivery row makes each period go out once."""

import asyncio

from fastapi import FastAPI

from requirements_svc.reports import schedules

POLL_SECONDS = 30


async def report_scheduler(app: FastAPI) -> None:
    while not app.state.stopping.is_set():
        await schedules.run_due(app.state.db, app.state.siblings)
        try:
            await asyncio.wait_for(app.state.stopping.wait(), POLL_SECONDS)
        except TimeoutError:
            pass


WORKERS = [report_scheduler]
