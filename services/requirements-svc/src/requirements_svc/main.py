"""requirements-svc: projects, PRDs and designs, the backlog, iterations, change requests, health."""

from pathlib import Path

from fastapi import FastAPI
from tpmhub_shared.app import ServiceSpec
from tpmhub_shared.app import create_app as build_app

from requirements_svc.settings import Settings

SERVICE_DIR = Path(__file__).resolve().parents[2]

SPEC = ServiceSpec.from_package(
    "requirements_svc",
    name="requirements-svc",
    title="TPM Hub — requirements",
    description="Projects, milestones, PRDs and technical designs with reviews and versions, the backlog "
    "with acceptance criteria, ranking, iterations, change requests and project health.",
    versions_dir=SERVICE_DIR / "migrations" / "versions",
    upload_paths=[r"/v1/projects/[^/]+/items/import"],  # Jira CSV exports run past the 1 MiB JSON limit
)


def create_app(settings: Settings | None = None) -> FastAPI:
    return build_app(SPEC, settings or Settings())
