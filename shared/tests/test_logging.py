"""No secret in a log line, in either format: tracebacks carry no frame locals, and secrets are redacted
from nested values, exception messages (a database URL with its password), header pairs and from what
uvicorn and other stdlib loggers write. The 500 path runs the real app factory under a real uvicorn."""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import APIRouter, Request
from tpmhub_shared.app import ServiceSpec, create_app
from tpmhub_shared.logging import configure_logging, get_logger
from tpmhub_shared.settings import DEV_JWT_SECRET, CommonSettings, ServiceSettings
from tpmhub_shared.testing.postgres import free_port

FORMATS = ["console", "json"]
DB_PASSWORD = "Db-Pa55word-" + uuid.uuid4().hex[:12]
SHORT_PASSWORD = "pw" + uuid.uuid4().hex[:4]  # too short to be redacted by value: the URL pattern must do it
BEARER = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzYW0ifQ." + uuid.uuid4().hex
GITLAB_TOKEN = "glt-" + uuid.uuid4().hex
SIGNATURE = "sha256=" + uuid.uuid4().hex * 2
WEBHOOK_SIGNATURE = "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="
COOKIE = "session=" + uuid.uuid4().hex
PRIVATE_KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEow" + uuid.uuid4().hex + "\n-----END RSA PRIVATE KEY-----"
WHSEC = "whsec_" + uuid.uuid4().hex
SECRETS = (
    DB_PASSWORD,
    SHORT_PASSWORD,
    BEARER,
    GITLAB_TOKEN,
    SIGNATURE,
    WEBHOOK_SIGNATURE,
    COOKIE,
    PRIVATE_KEY,
    WHSEC,
    DEV_JWT_SECRET,
)
URL = f"postgresql+asyncpg://tpm:{DB_PASSWORD}@db.internal:5432/tpm"
SHORT_URL = f"postgresql+asyncpg://tpm:{SHORT_PASSWORD}@db.internal:5432/tpm"


def assert_clean(output: str) -> None:
    for secret in SECRETS:
        assert secret not in output, f"a secret ({secret[:8]}…) appears in the log output:\n{output}"
    # The short password's fragments, as a traceback's locals would have shown it.
    assert f"'{SHORT_PASSWORD}'" not in output


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    hooks = sys.excepthook, threading.excepthook, warnings.showwarning
    try:
        yield
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
        sys.excepthook, threading.excepthook, warnings.showwarning = hooks
        logging.captureWarnings(False)


def common(fmt: str) -> CommonSettings:
    unwired = f"http://127.0.0.1:{free_port()}"
    return CommonSettings(
        env="test",
        log_format=fmt,
        log_level="INFO",
        requirements_url=unwired,
        risk_url=unwired,
        release_url=unwired,
    )


class DriverError(Exception):
    """Not an OSError: the app answers it with a 500, not a 503."""


def connect(database_url: str, headers: dict[str, str]) -> None:
    password = database_url.split(":")[2].split("@")[0]  # noqa: F841 - a frame local, as in a driver
    authorization = headers["Authorization"]  # noqa: F841
    raise DriverError(f"cannot connect to {database_url} (password={password})")


@pytest.mark.parametrize("fmt", FORMATS)
def test_tracebacks_and_nested_values_are_redacted(fmt, capsys, restore_logging):
    configure_logging(common(fmt), "logtest-svc")
    log = get_logger("tpmhub.logtest")
    headers = {"Authorization": f"Bearer {BEARER}", "X-Gitlab-Token": GITLAB_TOKEN, "Cookie": COOKIE}
    try:
        connect(SHORT_URL, headers)
    except DriverError:
        log.exception(
            "connect_failed",
            url=URL,
            request={
                "headers": headers,
                "raw_headers": [
                    (b"x-hub-signature-256", SIGNATURE.encode()),
                    ("webhook-signature", WEBHOOK_SIGNATURE),
                ],
                "body": {"config": {"private_key": PRIVATE_KEY, "note": f"key {PRIVATE_KEY}"}},
                "nested": [({"password": SHORT_PASSWORD},), f"subscription secret {WHSEC}"],
            },
            jwt_secret=DEV_JWT_SECRET,
            detail=f"retrying {SHORT_URL}",
        )
    # A stdlib logger (uvicorn's), with its own traceback and secrets in its message.
    try:
        connect(URL, headers)
    except DriverError:
        logging.getLogger("uvicorn.error").error(
            "Exception in ASGI application: %s %r", URL, headers, exc_info=True
        )
    output = capsys.readouterr().err
    assert "connect_failed" in output and "Exception in ASGI application" in output
    assert "Traceback (most recent call last)" in output and "in connect" in output
    assert "[redacted]" in output and "db.internal:5432/tpm" in output  # redacted, not dropped
    assert "locals" not in output
    assert_clean(output)


@pytest.mark.parametrize("fmt", FORMATS)
async def test_a_500_under_uvicorn_logs_no_secret(fmt, capsys, restore_logging, tmp_path: Path):
    router = APIRouter()

    @router.get("/v1/boom")
    async def boom(request: Request) -> dict[str, str]:
        connect(URL, dict(request.headers.items()) | {"Authorization": request.headers["authorization"]})
        return {}

    spec = ServiceSpec(
        name="logtest-svc",
        title="logtest",
        description="logging test",
        routers=[router],
        models_module="tpmhub_shared.models",
        versions_dir=tmp_path,
    )
    settings = ServiceSettings(
        database_url=SHORT_URL.replace("db.internal", "127.0.0.1").replace("5432", str(free_port())),
        background_enabled=False,
        common=common(fmt),
    )
    app = create_app(spec, settings)
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, log_config=None, access_log=False, lifespan="on")
    )
    task = asyncio.create_task(server.serve())
    try:
        async with asyncio.timeout(20):
            while not server.started:  # noqa: ASYNC110 - uvicorn's flag; it offers no event to wait on
                await asyncio.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            answer = await client.get(
                "/v1/boom",
                headers={
                    "Authorization": f"Bearer {BEARER}",
                    "X-Gitlab-Token": GITLAB_TOKEN,
                    "Cookie": COOKIE,
                    "X-Hub-Signature-256": SIGNATURE,
                    "webhook-signature": WEBHOOK_SIGNATURE,
                },
            )
        assert answer.status_code == 500
        assert_clean(answer.text)
    finally:
        server.should_exit = True
        await task
    output = capsys.readouterr().err
    assert "unhandled_error" in output and "Exception in ASGI application" in output
    assert "Traceback (most recent call last)" in output and "locals" not in output
    assert_clean(output)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("postgresql+asyncpg://tpm:s3cr3t@db/tpm", "postgresql+asyncpg://tpm:[redacted]@db/tpm"),
        ("redis://:s3cr3t@cache:6379/0", "redis://:[redacted]@cache:6379/0"),
        ("host=db user=tpm password=s3cr3t dbname=tpm", "host=db user=tpm password=[redacted] dbname=tpm"),
        (
            "{'authorization': 'Bearer abc.def.ghi', 'accept': '*/*'}",
            "{'authorization': '[redacted]', 'accept': '*/*'}",
        ),
        (
            "[(b'x-gitlab-token', b'glt-123'), (b'host', b'x')]",
            "[(b'x-gitlab-token', b'[redacted]'), (b'host', b'x')]",
        ),
        (
            "Settings(database_url='x', jwt_secret='abc')",
            "Settings(database_url='x', jwt_secret='[redacted]')",
        ),
        ("sent Authorization: Bearer abc.def.ghi to risk", "sent Authorization: [redacted] to risk"),
        ("token validation failed for the sibling", "token validation failed for the sibling"),
        (
            "Uvicorn running on http://127.0.0.1:8001 (Press CTRL+C to quit)",
            "Uvicorn running on http://127.0.0.1:8001 (Press CTRL+C to quit)",
        ),
    ],
)
def test_scrub(text, expected):
    from tpmhub_shared.logging import scrub

    assert scrub(text) == expected
