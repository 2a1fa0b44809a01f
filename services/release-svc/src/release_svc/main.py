"""release-svc: release plans, the CI release gate, gray rollouts, CI webhooks, verification, DORA."""

from pathlib import Path

from fastapi import FastAPI
from tpmhub_shared.app import ServiceSpec
from tpmhub_shared.app import create_app as build_app

from release_svc.settings import Settings

SERVICE_DIR = Path(__file__).resolve().parents[2]

SPEC = ServiceSpec.from_package(
    "release_svc",
    name="release-svc",
    title="TPM Hub — releases",
    description="Release plans (steps, migrations, approvals, go/no-go checklist), the release gate CI asks "
    "before deploying, gray rollouts with guardrails and sticky cohorts, CI webhooks, verification, DORA.",
    versions_dir=SERVICE_DIR / "migrations" / "versions",
    project_directory=True,  # refuse projects requirements-svc does not know
)


def create_app(settings: Settings | None = None) -> FastAPI:
    return build_app(SPEC, settings or Settings())
