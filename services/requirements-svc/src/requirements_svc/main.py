"""requirements-svc: projects, PRDs and designs, the backlog, iterations, change requests, health."""

from pathlib import Path

from fastapi import FastAPI
from tpmhub_shared.app import ServiceSpec, merge_handlers
from tpmhub_shared.app import create_app as build_app

from requirements_svc.archive import router as archive_router
from requirements_svc.change_requests import router as change_requests_router
from requirements_svc.criteria import handlers as criteria_handlers
from requirements_svc.criteria import router as criteria_router
from requirements_svc.document_reviews import router as document_reviews_router
from requirements_svc.document_versions import router as document_versions_router
from requirements_svc.documents import router as documents_router
from requirements_svc.health import router as health_router
from requirements_svc.items import handlers as items_handlers
from requirements_svc.items import router as items_router
from requirements_svc.iterations import router as iterations_router
from requirements_svc.lookups import router as lookups_router
from requirements_svc.milestones import router as milestones_router
from requirements_svc.projects import router as projects_router
from requirements_svc.ranking import router as ranking_router
from requirements_svc.ranking import workers as ranking_workers
from requirements_svc.reports import router as reports_router
from requirements_svc.reports import workers as reports_workers
from requirements_svc.settings import Settings

SERVICE_DIR = Path(__file__).resolve().parents[2]


# What the service offers, listed here rather than discovered: the order of ROUTERS is the order of the
# OpenAPI document. A new domain adds its router, workers and event handlers to these lists.
ROUTERS = [
    archive_router.router,
    change_requests_router.router,
    # Each document kind's paths stay together in the document: the document, its reviews, its
    # versions, its history; then the section look-up shared by both kinds.
    documents_router.prd_router,
    document_reviews_router.prd_router,
    document_versions_router.prd_router,
    documents_router.prd_history_router,
    documents_router.design_router,
    document_reviews_router.design_router,
    document_versions_router.design_router,
    documents_router.design_history_router,
    documents_router.sections_router,
    health_router.router,
    # The backlog's routes interleave by path in the document: project lists, the look-up, one item,
    # its move, its history, then its criteria.
    items_router.backlog_router,
    lookups_router.router,
    items_router.router,
    ranking_router.router,
    items_router.history_router,
    criteria_router.router,
    iterations_router.router,
    milestones_router.router,
    projects_router.router,
    reports_router.router,
]
TAGS = [
    *archive_router.TAGS,
    *change_requests_router.TAGS,
    *documents_router.TAGS,
    *health_router.TAGS,
    *items_router.TAGS,
    *criteria_router.TAGS,
    *iterations_router.TAGS,
    *milestones_router.TAGS,
    *projects_router.TAGS,
    *reports_router.TAGS,
]
WORKERS = [
    *ranking_workers.WORKERS,
    *reports_workers.WORKERS,
]
EVENT_HANDLERS = merge_handlers(
    items_handlers.HANDLERS,
    criteria_handlers.HANDLERS,
)

SPEC = ServiceSpec(
    name="requirements-svc",
    title="TPM Hub — requirements",
    description="Projects, milestones, PRDs and technical designs with reviews and versions, the backlog "
    "with acceptance criteria, ranking, iterations, change requests and project health.",
    routers=ROUTERS,
    tags=TAGS,
    workers=WORKERS,
    event_handlers=EVENT_HANDLERS,
    models_module="requirements_svc.models",
    versions_dir=SERVICE_DIR / "migrations" / "versions",
    upload_paths=[r"/v1/projects/[^/]+/items/import"],  # Jira CSV exports run past the 1 MiB JSON limit
)


def create_app(settings: Settings | None = None) -> FastAPI:
    return build_app(SPEC, settings or Settings())
