"""risk-svc: the risk register — matrix, risks, responses, mitigation, reviews, escalation, trend."""

from pathlib import Path

from fastapi import FastAPI
from tpmhub_shared.app import ServiceSpec, merge_handlers
from tpmhub_shared.app import create_app as build_app

from risk_svc.matrix import router as matrix_router
from risk_svc.risks import handlers as risks_handlers
from risk_svc.risks import router as risks_router
from risk_svc.risks import workers as risks_workers
from risk_svc.settings import Settings
from risk_svc.summary import router as summary_router

SERVICE_DIR = Path(__file__).resolve().parents[2]


# What the service offers, listed here rather than discovered: the order of ROUTERS is the order of the
# OpenAPI document. A new domain adds its router, workers and event handlers to these lists.
ROUTERS = [
    matrix_router.router,
    risks_router.router,
    summary_router.router,
]
TAGS = [
    *matrix_router.TAGS,
    *risks_router.TAGS,
    *summary_router.TAGS,
]
WORKERS = [
    *risks_workers.WORKERS,
]
EVENT_HANDLERS = merge_handlers(
    risks_handlers.HANDLERS,
)

SPEC = ServiceSpec(
    name="risk-svc",
    title="TPM Hub — risks",
    description="Risk registers: scoring matrix, levels, responses, mitigation actions, review cadence, "
    "escalation, trend and heatmap, links to items and releases.",
    routers=ROUTERS,
    tags=TAGS,
    workers=WORKERS,
    event_handlers=EVENT_HANDLERS,
    models_module="risk_svc.models",
    versions_dir=SERVICE_DIR / "migrations" / "versions",
    project_directory=True,  # refuse projects requirements-svc does not know
)


def create_app(settings: Settings | None = None) -> FastAPI:
    return build_app(SPEC, settings or Settings())
