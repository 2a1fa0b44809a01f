"""Report periods: a UTC day, or an ISO week (Monday to Sunday) containing a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from tpmhub_shared.problems import UnprocessableEntity, field_error

PeriodKind = Literal["day", "week"]


@dataclass(frozen=True)
class Period:
    kind: str
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        if self.kind == "day":
            return self.start.isoformat()
        year, week, _ = self.start.isocalendar()
        return f"{year}-W{week:02d} ({self.start.isoformat()} – {self.end.isoformat()})"

    def dates(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.days)]


EARLIEST = date(2000, 1, 1)


def resolve(kind: str, on: date | None, today: date) -> Period:
    """The period of `kind` containing `on` (default today, UTC). A period that has not started, or one before
    2000, is refused."""
    on = on or today
    start = on if kind == "day" else on - timedelta(days=on.weekday())
    if start > today:
        raise UnprocessableEntity(
            f"The {kind} of {on.isoformat()} has not started yet (today is {today.isoformat()} UTC).",
            errors=[field_error("query.date", "must not be a future period", "future_period")],
        )
    if on < EARLIEST:
        raise UnprocessableEntity(
            f"Reports start in {EARLIEST.year}.",
            errors=[field_error("query.date", f"must be on or after {EARLIEST.isoformat()}", "too_early")],
        )
    end = start if kind == "day" else start + timedelta(days=6)
    return Period(kind, start, end)
