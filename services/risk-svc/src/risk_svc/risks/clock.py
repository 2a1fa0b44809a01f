"""The time source: `app.state.clock` (a callable returning an aware UTC datetime) when a test or an
operator sets one, the wall clock otherwise."""

from datetime import datetime

from fastapi import FastAPI, Request
from tpmhub_shared.ids import utcnow


def now_for(app: FastAPI) -> datetime:
    clock = getattr(app.state, "clock", None)
    return clock() if clock is not None else utcnow()


async def request_now(request: Request) -> datetime:
    return now_for(request.app)
