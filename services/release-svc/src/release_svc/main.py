"""release-svc: release plans, the CI release gate, gray rollouts, CI webhooks, verification, DORA."""

from pathlib import Path

from fastapi import FastAPI
from tpmhub_shared.app import ServiceSpec, merge_handlers
from tpmhub_shared.app import create_app as build_app

from release_svc.ci_sources import router as ci_sources_router
from release_svc.deployments import router as deployments_router
from release_svc.environments import router as environments_router
from release_svc.gate import router as gate_router
from release_svc.protection import router as protection_router
from release_svc.protection import workers as protection_workers
from release_svc.releases import handlers as releases_handlers
from release_svc.releases import router as releases_router
from release_svc.retrospectives import router as retrospectives_router
from release_svc.rollouts import router as rollouts_router
from release_svc.rollouts import workers as rollouts_workers
from release_svc.settings import Settings
from release_svc.slack import router as slack_router
from release_svc.summary import router as summary_router
from release_svc.verification import router as verification_router
from release_svc.webhooks import router as webhooks_router

SERVICE_DIR = Path(__file__).resolve().parents[2]


# What the service offers, listed here rather than discovered: the order of ROUTERS is the order of the
# OpenAPI document. A new domain adds its router, workers and event handlers to these lists.
ROUTERS = [
    deployments_router.router,
    environments_router.router,
    gate_router.router,
    protection_router.router,
    releases_router.router,
    retrospectives_router.router,
    rollouts_router.router,
    slack_router.router,
    summary_router.router,
    verification_router.router,
    webhooks_router.router,  # the webhooks themselves, then the sources they are verified against,
    ci_sources_router.router,  # then what the webhooks recorded: the order of the OpenAPI document
    webhooks_router.records_router,
]
TAGS = [
    *deployments_router.TAGS,
    *environments_router.TAGS,
    *gate_router.TAGS,
    *releases_router.TAGS,
    *retrospectives_router.TAGS,
    *rollouts_router.TAGS,
    *slack_router.TAGS,
    *summary_router.TAGS,
    *verification_router.TAGS,
    *webhooks_router.TAGS,
]
WORKERS = [
    *protection_workers.WORKERS,
    *rollouts_workers.WORKERS,
]
EVENT_HANDLERS = merge_handlers(
    releases_handlers.HANDLERS,
)

SPEC = ServiceSpec(
    name="release-svc",
    title="TPM Hub — releases",
    description="Release plans (steps, migrations, approvals, go/no-go checklist), the release gate CI asks "
    "before deploying, gray rollouts with guardrails and sticky cohorts, CI webhooks, verification, DORA.",
    routers=ROUTERS,
    tags=TAGS,
    workers=WORKERS,
    event_handlers=EVENT_HANDLERS,
    models_module="release_svc.models",
    versions_dir=SERVICE_DIR / "migrations" / "versions",
    project_directory=True,  # refuse projects requirements-svc does not know
)


def create_app(settings: Settings | None = None) -> FastAPI:
    return build_app(SPEC, settings or Settings())
