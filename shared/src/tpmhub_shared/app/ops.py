"""Health, readiness (database reachable, migrations at head) and metrics routes of every service."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Request
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel
from sqlalchemy import text
from starlette.responses import Response

from tpmhub_shared import migrations
from tpmhub_shared.app.spec import ServiceSpec


class Health(BaseModel):
    status: str
    service: str
    checks: dict[str, str] = {}


def ops_router(spec: ServiceSpec) -> APIRouter:
    router = APIRouter(tags=["ops"])

    @router.get("/healthz", response_model=Health, summary="Liveness")
    async def get_health() -> Health:
        return Health(status="ok", service=spec.name)

    @router.get(
        "/readyz",
        response_model=Health,
        summary="Readiness: database reachable, migrations at head",
        responses={503: {"model": Health}},
    )
    async def get_readiness(request: Request) -> Any:
        state = request.app.state
        checks: dict[str, str] = {}
        ok = not state.shutting_down
        if state.shutting_down:
            checks["shutdown"] = "in progress"
        try:
            async with asyncio.timeout(2):
                async with state.db.engine.connect() as conn:
                    await conn.execute(text("SELECT 1"))
                checks["database"] = "ok"
                applied = await migrations.applied_heads(state.db.engine)
                missing = migrations.pending_heads(state.migration_heads, applied, state.migration_parents)
                checks["migrations"] = "ok" if not missing else f"pending: {', '.join(sorted(missing))}"
                ok = ok and not missing
        except Exception as exc:  # any failure means not ready; say which
            checks.setdefault("database", f"unavailable ({type(exc).__name__})")
            ok = False
        body = Health(status="ok" if ok else "unavailable", service=spec.name, checks=checks)
        if ok:
            return body
        return Response(body.model_dump_json(), status_code=503, media_type="application/json")

    @router.get(
        "/metrics",
        summary="Prometheus metrics",
        response_class=Response,
        responses={200: {"content": {"text/plain": {}}}},
    )
    async def get_metrics(request: Request) -> Response:
        return Response(generate_latest(request.app.state.metrics), media_type=CONTENT_TYPE_LATEST)

    return router
