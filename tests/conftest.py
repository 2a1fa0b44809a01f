"""Cross-service fixtures: the three services as real uvicorn processes on a throwaway PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from tpmhub_shared.testing.postgres import PostgresServer
from tpmhub_shared.testing.processes import SERVICES, ServiceProcess

# Extra environment for every service process of the stack (flows that need configuration add it here).
STACK_EXTRA_ENV: dict[str, str] = {}


@dataclass
class Stack:
    pg: PostgresServer
    services: dict[str, ServiceProcess]
    make_token: Callable[..., str]

    def url(self, name: str) -> str:
        return self.services[name].url

    def headers(
        self, role: str = "admin", project: str = "*", sub: str = "alice", **kw: object
    ) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.make_token(role, project, sub=sub, **kw)}"}

    def logs(self) -> str:
        return "\n".join(p.logs() for p in self.services.values())


def start_stack(
    pg: PostgresServer, make_token: Callable[..., str], *, tag: str, extra_env: dict[str, str] | None = None
) -> Stack:
    processes = {
        name: ServiceProcess(name=name, database_url=pg.create_database(f"{name}_{tag}")) for name in SERVICES
    }
    urls = {f"TPM_{name.upper()}_URL": p.url for name, p in processes.items()}
    for p in processes.values():
        p.env.update(urls)
        p.env.update(STACK_EXTRA_ENV)
        p.env.update(extra_env or {})
    started = []
    try:
        for p in processes.values():
            started.append(p.start())
    except Exception:
        for p in started:
            p.stop()
        raise
    return Stack(pg=pg, services=processes, make_token=make_token)


@pytest.fixture(scope="session")
def stack(pg_server: PostgresServer, make_token: Callable[..., str]) -> Iterator[Stack]:
    """requirements-svc, risk-svc and release-svc as real processes on PostgreSQL, wired to each other."""
    s = start_stack(pg_server, make_token, tag="stack")
    try:
        yield s
    finally:
        for p in s.services.values():
            p.stop()


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: ANN001
    """Print the fuzzing summary (operations, requests, failures per service and caller)."""
    import sys

    fuzz = sys.modules.get("test_fuzz") or next(
        (m for name, m in sys.modules.items() if name.endswith("test_fuzz") and hasattr(m, "SUMMARY")), None
    )
    if fuzz is not None and getattr(fuzz, "SUMMARY", None):
        terminalreporter.write_sep("-", "fuzzing summary (schemathesis)")
        for line in fuzz.SUMMARY:
            terminalreporter.write_line(line)
