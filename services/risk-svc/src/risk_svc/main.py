"""risk-svc: the risk register — matrix, risks, responses, mitigation, reviews, escalation, trend."""

from pathlib import Path

from fastapi import FastAPI
from tpmhub_shared.app import ServiceSpec, merge_handlers
from tpmhub_shared.app import create_app as build_app

from risk_svc.actions import router as actions_router
from risk_svc.assessments import router as assessments_router
from risk_svc.escalations import router as escalations_router
from risk_svc.escalations import workers as escalations_workers
from risk_svc.gate import router as gate_router
from risk_svc.links import router as links_router
from risk_svc.matrix import router as matrix_router
from risk_svc.reviews import router as reviews_router
from risk_svc.reviews import workers as reviews_workers
from risk_svc.risks import handlers as risks_handlers
from risk_svc.risks import router as risks_router
from risk_svc.settings import Settings
from risk_svc.summary import router as summary_router
from risk_svc.views import router as views_router

SERVICE_DIR = Path(__file__).resolve().parents[2]


# What the service offers, listed here rather than discovered: the order of ROUTERS is the order of the
# OpenAPI document. A new domain adds its router, workers and event handlers to these lists.
# The project-scoped routes of risks, reviews and actions come before the per-risk ones, as they always
# have in the document.
ROUTERS = [
    matrix_router.router,
    risks_router.project_router,
    views_router.router,
    reviews_router.project_router,
    actions_router.project_router,
    gate_router.router,
    risks_router.router,
    assessments_router.router,
    links_router.router,
    actions_router.router,
    reviews_router.router,
    escalations_router.router,
    summary_router.router,
]
TAGS = [
    *matrix_router.TAGS,
    *risks_router.TAGS,
    *summary_router.TAGS,
]
WORKERS = [
    *escalations_workers.WORKERS,
    *reviews_workers.WORKERS,
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
