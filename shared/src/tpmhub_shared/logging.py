"""structlog configured once per process: console in development, JSON in production.

Whatever the format, every line (ours, uvicorn's, any stdlib logger's) passes the same last steps:
the traceback is rendered as plain text without frame locals, then secrets are redacted from every value,
nested ones and the traceback text included, and only then is the line rendered."""

from __future__ import annotations

import functools
import logging
import re
import sys
import threading
from collections.abc import Iterable
from typing import Any

import structlog

from tpmhub_shared.settings import CommonSettings

REDACTED = "[redacted]"

# A key (or header name) whose value is never logged: matched after lower-casing and `-` → `_`, exactly
# or by one of the fragments.
_SECRET_KEYS = {
    "authorization",
    "proxy_authorization",
    "cookie",
    "set_cookie",
    "x_gitlab_token",
    "x_hub_signature",
    "x_hub_signature_256",
    "webhook_signature",
    "x_api_key",
    "api_key",
    "apikey",
    "dsn",
    "jwt",
    "pwd",
}
_SECRET_FRAGMENTS = ("password", "passwd", "secret", "token", "signature", "private_key", "credential")

_HEADER_NAMES = (
    r"authorization|proxy-authorization|cookie|set-cookie|x-gitlab-token|x-hub-signature(?:-256)?|"
    r"webhook-signature|x-api-key|api[-_]?key|[\w-]*(?:password|passwd|secret|token|signature|private[-_]key)"
    r"[\w-]*"
)
_NAMED = (
    "auth",
    "cookie",
    "token",
    "signature",
    "secret",
    "passw",
    "pwd",
    "api_key",
    "api-key",
    "apikey",
    "private_key",
    "private-key",
    "credential",
)
# (pattern, replacement, guard): a pattern runs only on text that contains one of its guard's fragments
# (case-insensitive), so that an ordinary line (the access log) costs one regex search per value.
_RULES: list[tuple[re.Pattern[str], str, tuple[str, ...]]] = [
    # PEM private keys, whole.
    (
        re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)", re.S),
        REDACTED,
        ("private key",),
    ),
    # The password of a URL: postgresql+asyncpg://user:pass@host/db (up to the last @ of the word).
    (re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*://[^\s:/@'\"]*:)[^\s'\"]*@"), rf"\1{REDACTED}@", ("@",)),
    # A secret in a repr: 'authorization': 'Bearer …', (b'x-gitlab-token', b'…'), password='…'.
    (
        re.compile(rf"""((?:b?['"])(?:{_HEADER_NAMES})(?:['"])\s*[:,]\s*b?)(['"])(?:\\.|(?!\2).)*\2""", re.I),
        rf"\1'{REDACTED}'",
        _NAMED,
    ),
    (
        re.compile(rf"""(\b(?:{_HEADER_NAMES})\s*=\s*)(['"])(?:\\.|(?!\2).)*\2""", re.I),
        rf"\1'{REDACTED}'",
        _NAMED,
    ),
    # key=value in a DSN or a message: password=…, token: …; credentials after an auth scheme.
    (
        re.compile(r"(\b(?:password|passwd|pwd|secret|token|api[-_]?key)\s*[=:]\s*)[^\s,;&'\")]+", re.I),
        rf"\1{REDACTED}",
        _NAMED,
    ),
    (re.compile(r"\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=\-]{8,}", re.I), REDACTED, ("bearer", "basic")),
    # Shapes of our own secrets wherever they appear: JWTs, Standard Webhooks secrets, HMAC signatures.
    (re.compile(r"\beyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*"), REDACTED, ("eyj",)),
    (re.compile(r"\bwhsec_[A-Za-z0-9+/=_\-]+"), REDACTED, ("whsec_",)),
    (re.compile(r"\b(sha(?:1|256|512)=)[0-9a-fA-F]{32,}"), rf"\1{REDACTED}", ("sha",)),
    (re.compile(r"\b(v1[,=])[A-Za-z0-9+/]{32,}={0,2}"), rf"\1{REDACTED}", ("v1,", "v1=")),
]


_TRIGGER = tuple(sorted({fragment for _, _, guard in _RULES for fragment in guard}))


def _contains_any(lowered: str, fragments: tuple[str, ...]) -> bool:
    # A plain loop: measured several times faster than a case-insensitive alternation regex.
    for fragment in fragments:
        if fragment in lowered:
            return True
    return False


# Exact values known to be secret in this process (the JWT secret, the database password), replaced
# wherever they appear. Short ones are left to the patterns: replacing "postgres" everywhere would
# make the logs unreadable.
_KNOWN_SECRETS: set[str] = set()
_MIN_KNOWN_SECRET = 10
_MAX_DEPTH = 8


def register_secret(value: str | None) -> None:
    """Redact this exact value from every later log line."""
    if value and len(value) >= _MIN_KNOWN_SECRET:
        _KNOWN_SECRETS.add(value)


@functools.lru_cache(maxsize=4096)
def is_secret_key(key: object) -> bool:
    if isinstance(key, bytes):
        key = key.decode("latin-1")
    if not isinstance(key, str):
        return False
    name = key.lower().replace("-", "_")
    return name in _SECRET_KEYS or any(fragment in name for fragment in _SECRET_FRAGMENTS)


def scrub(text: str) -> str:
    """The text with every secret it embeds replaced by `[redacted]`."""
    for known in _KNOWN_SECRETS:
        if known in text:
            text = text.replace(known, REDACTED)
    if len(text) < 8:
        return text
    lowered = text.lower()
    if not _contains_any(lowered, _TRIGGER):  # nothing that could point at a secret
        return text
    for pattern, replacement, guard in _RULES:
        if _contains_any(lowered, guard):
            text = pattern.sub(replacement, text)
    return text


def redact_value(value: Any, depth: int = 0) -> Any:
    """`value` with secrets redacted: by key in mappings and (name, value) pairs, by shape in text; other
    objects become their redacted repr (what the renderers would print anyway)."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, (bytes, bytearray)):
        return scrub(repr(bytes(value)))
    if depth >= _MAX_DEPTH:
        return scrub(repr(value))
    if isinstance(value, dict):
        return {k: REDACTED if is_secret_key(k) else redact_value(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = list(value)
        if isinstance(value, tuple) and len(items) == 2 and is_secret_key(items[0]):
            return (redact_value(items[0], depth + 1), REDACTED)  # a header pair
        redacted = [redact_value(v, depth + 1) for v in items]
        return tuple(redacted) if isinstance(value, tuple) else redacted
    if isinstance(value, BaseException):
        return scrub(f"{type(value).__name__}: {value}")
    return scrub(repr(value))


def redact(_logger: object, _method: str, event: dict[str, Any]) -> dict[str, Any]:
    """The last step before rendering: secrets never reach a log line, whoever passes them in by mistake."""
    for key in list(event):
        event[key] = REDACTED if is_secret_key(key) else redact_value(event[key])
    return event


def configure_logging(
    settings: CommonSettings, service_name: str, *, secrets: Iterable[str | None] = ()
) -> None:
    fmt = settings.log_format
    if fmt == "auto":
        fmt = "json" if settings.is_production else "console"
    register_secret(settings.jwt_secret.get_secret_value())
    for secret in secrets:
        register_secret(secret)
    # Tracebacks as plain text, never with frame locals (Rich's default shows them, and with them the
    # database password and request headers); format_exc_info renders them before `redact` runs.
    renderer = (
        structlog.processors.JSONRenderer()
        if fmt == "json"
        else structlog.dev.ConsoleRenderer(
            colors=sys.stderr.isatty(), exception_formatter=structlog.dev.plain_traceback
        )
    )

    def add_service(_logger: object, _method: str, event: dict) -> dict:
        event.setdefault("service", service_name)
        return event

    shared_processors = [
        structlog.contextvars.merge_contextvars,
        add_service,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    structlog.configure(
        processors=[*shared_processors, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared_processors,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            redact,
            renderer,
        ],
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level.upper())
    # Our access log replaces uvicorn's; its error log goes through the same formatter, and so does
    # every other library logger (none keeps a handler of its own that would skip the redaction).
    logging.getLogger("uvicorn.access").handlers[:] = []
    logging.getLogger("uvicorn.access").propagate = False
    for name in (
        "uvicorn",
        "uvicorn.error",
        "uvicorn.asgi",
        "sqlalchemy",
        "sqlalchemy.engine",
        "sqlalchemy.engine.Engine",
        "sqlalchemy.pool",
        "asyncio",
        "alembic",
    ):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    logging.captureWarnings(True)
    _route_uncaught_exceptions()


def _route_uncaught_exceptions() -> None:
    """An exception nobody caught is logged like any other (redacted, without locals)."""
    crash_log = logging.getLogger("tpmhub.uncaught")

    def excepthook(exc_type: type[BaseException], exc: BaseException, tb: Any) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        crash_log.critical("uncaught_exception", exc_info=(exc_type, exc, tb))

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        crash_log.error(
            "uncaught_exception_in_thread", exc_info=(args.exc_type, args.exc_value, args.exc_traceback)
        )

    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook


def get_logger(name: str | None = None) -> structlog.stdlib.BoundLogger:
    return structlog.get_logger(name)
