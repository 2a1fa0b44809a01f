"""Types for query parameters that every service shares.

Dates and date-times in a query string are ISO 8601 text, nothing else: pydantic on its own also reads
numbers as Unix time (`?to=0.5` would be 1970-01-01T00:00:00.5Z) and accepts a date-time for a date.
- `QueryDate`: a calendar day, `YYYY-MM-DD`.
- `QueryDateTime`: an instant, `YYYY-MM-DDTHH:MM[:SS[.fraction]]` with `Z` or an offset (`+08:00`),
  normalised to UTC; one without a time zone is refused (it would name no instant).
Anything else is the usual 422 validation problem naming the parameter."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]{1,9})?)?"
    r"([Zz]|[+-][0-9]{2}:?[0-9]{2})"
)


def _iso_date(value: Any) -> Any:
    if (isinstance(value, str) and _DATE.fullmatch(value)) or (
        isinstance(value, date) and not isinstance(value, datetime)
    ):
        return value
    raise ValueError("must be an ISO 8601 date (YYYY-MM-DD)")


def _iso_datetime(value: Any) -> Any:
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise ValueError("must be an ISO 8601 date-time, e.g. 2026-11-01T09:30:00Z")
    if not _DATETIME.fullmatch(value):
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9:.,]+)?", value):
            raise ValueError("needs a time zone (e.g. Z)")
        raise ValueError("must be an ISO 8601 date-time, e.g. 2026-11-01T09:30:00Z")
    return value.replace(",", ".")


def _to_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("needs a time zone (e.g. Z)")
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("out of range in UTC") from exc


QueryDate = Annotated[date, BeforeValidator(_iso_date)]
QueryDateTime = Annotated[datetime, BeforeValidator(_iso_datetime), AfterValidator(_to_utc)]
