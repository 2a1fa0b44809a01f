"""risk-svc: the risk register — matrix, risks, responses, mitigation, reviews, escalation, trend."""

from pathlib import Path

from fastapi import FastAPI
from tpmhub_shared.app import ServiceSpec
from tpmhub_shared.app import create_app as build_app

from risk_svc.settings import Settings

SERVICE_DIR = Path(__file__).resolve().parents[2]

SPEC = ServiceSpec.from_package(
    "risk_svc",
    name="risk-svc",
    title="TPM Hub — risks",
    description="Risk registers: scoring matrix, levels, responses, mitigation actions, review cadence, "
    "escalation, trend and heatmap, links to items and releases.",
    versions_dir=SERVICE_DIR / "migrations" / "versions",
    project_directory=True,  # refuse projects requirements-svc does not know
)


def create_app(settings: Settings | None = None) -> FastAPI:
    return build_app(SPEC, settings or Settings())
