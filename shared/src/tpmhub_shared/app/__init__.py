"""The app every service is built as: `ServiceSpec` (what the service is made of) and `create_app` (request
ids, access log, metrics, body limit, problem details, Idempotency-Key, health and readiness, database
lifecycle, background workers and the events API)."""

from tpmhub_shared.app.factory import (
    WORKER_STOP_GRACE_SECONDS,
    begin_shutdown,
    create_app,
    get_sibling,
    migration_config,
)
from tpmhub_shared.app.request_context import database_password
from tpmhub_shared.app.spec import DuplicateHandler, Hook, ServiceSpec, Worker, merge_handlers

__all__ = [
    "WORKER_STOP_GRACE_SECONDS",
    "DuplicateHandler",
    "Hook",
    "ServiceSpec",
    "Worker",
    "begin_shutdown",
    "create_app",
    "database_password",
    "get_sibling",
    "merge_handlers",
    "migration_config",
]
