"""The one clock of every service: `app.state.clock` (a callable returning an aware UTC datetime) when a
test or an operator sets one on an app, else `ids.utcnow` (which a test may also move with `set_clock`).
Routes take it as the `Now` dependency (tpmhub_shared.deps); workers call `now_for(app)`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from fastapi import Request

from tpmhub_shared.ids import utcnow

Clock = Callable[[], datetime]


def clock_of(app: Any) -> Clock:
    """The app's clock: `app.state.clock` when set, else the process clock."""
    return getattr(app.state, "clock", None) or utcnow


def now_for(app: Any) -> datetime:
    return clock_of(app)()


async def request_now(request: Request) -> datetime:
    return now_for(request.app)
