"""Sibling facts for health and reports: risk-svc and release-svc period summaries, asked concurrently.
A sibling that fails, answers late or answers nonsense gives `(None, reason)`; nothing here raises."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from tpmhub_shared.contracts import ReleaseSummary, RiskSummary
from tpmhub_shared.http import SiblingClient, SiblingError

T = TypeVar("T", bound=BaseModel)


@dataclass
class Fetched(Generic[T]):
    value: T | None
    reason: str | None = None

    @property
    def available(self) -> bool:
        return self.value is not None


async def _fetch(
    client: SiblingClient | None, path: str, params: dict[str, Any], model: type[T]
) -> Fetched[T]:
    if client is None:
        return Fetched(None, "not configured")
    try:
        async with asyncio.timeout(client.timeout + 0.25):
            body = await client.get_json(path, params=params)
        return Fetched(model.model_validate(body))
    except SiblingError as exc:
        return Fetched(None, f"{exc.service}: {exc.reason}")
    except TimeoutError:
        return Fetched(None, f"{client.name}: timed out after {client.timeout:.1f}s")
    except ValidationError as exc:
        return Fetched(None, f"{client.name}: unexpected answer ({exc.error_count()} invalid field(s))")
    except ValueError:
        return Fetched(None, f"{client.name}: answered something that is not JSON")


async def fetch_summaries(
    siblings: dict[str, SiblingClient],
    *,
    project_key: str,
    start: date,
    end: date,
    trend_from: date | None = None,
) -> tuple[Fetched[RiskSummary], Fetched[ReleaseSummary]]:
    """Both summaries for [start, end], at the same time; each bounded by the sibling timeout."""
    risk_params = {"from": start.isoformat(), "to": end.isoformat()}
    if trend_from is not None:
        risk_params["trend_from"] = trend_from.isoformat()
    risk, release = await asyncio.gather(
        _fetch(siblings.get("risk"), f"/v1/projects/{project_key}/risk-summary", risk_params, RiskSummary),
        _fetch(
            siblings.get("release"),
            f"/v1/projects/{project_key}/release-summary",
            {"from": start.isoformat(), "to": end.isoformat()},
            ReleaseSummary,
        ),
    )
    return risk, release
