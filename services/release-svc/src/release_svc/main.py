"""release-svc: release plans, the CI release gate, gray rollouts, CI webhooks, verification, DORA."""

from pathlib import Path

from fastapi import FastAPI
from tpmhub_shared.app import ServiceSpec, merge_handlers
from tpmhub_shared.app import create_app as build_app

from release_svc.approvals import router as approvals_router
from release_svc.checklist import router as checklist_router
from release_svc.ci_sources import router as ci_sources_router
from release_svc.decisions import router as decisions_router
from release_svc.decisions import snapshot as decisions_snapshot
from release_svc.deployments import router as deployments_router
from release_svc.environments import router as environments_router
from release_svc.freezes import router as freezes_router
from release_svc.gate import router as gate_router
from release_svc.guardrails import router as guardrails_router
from release_svc.protection import router as protection_router
from release_svc.protection import workers as protection_workers
from release_svc.releases import handlers as releases_handlers
from release_svc.releases import router as releases_router
from release_svc.retrospectives import router as retrospectives_router
from release_svc.rollouts import router as rollouts_router
from release_svc.scheduling import router as scheduling_router
from release_svc.scheduling import workers as scheduling_workers
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
    # Release plans, then their reviews, checklist and freezes: the order these paths had in one router.
    releases_router.router,
    approvals_router.router,
    checklist_router.router,
    freezes_router.router,
    retrospectives_router.router,
    # Rollouts and the domains split from them, in the order of their routes in the document.
    rollouts_router.router,
    guardrails_router.status_router,
    rollouts_router.actions_router,
    guardrails_router.router,
    decisions_router.router,
    rollouts_router.controls_router,
    scheduling_router.router,
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
    *scheduling_workers.WORKERS,
    *decisions_snapshot.WORKERS,
]
ON_STARTUP = [decisions_snapshot.keep_a_snapshot]
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
    on_startup=ON_STARTUP,
    event_handlers=EVENT_HANDLERS,
    models_module="release_svc.models",
    versions_dir=SERVICE_DIR / "migrations" / "versions",
    project_directory=True,  # refuse projects requirements-svc does not know
)


def create_app(settings: Settings | None = None) -> FastAPI:
    return build_app(SPEC, settings or Settings())
