"""The services as real uvicorn processes, for cross-service, crash and replica tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tpmhub_shared.testing.postgres import free_port

SERVICES = {
    "requirements": ("requirements_svc", "REQUIREMENTS"),
    "risk": ("risk_svc", "RISK"),
    "release": ("release_svc", "RELEASE"),
}


@dataclass
class ServiceProcess:
    """One service process; `start()` waits until /readyz answers 200."""

    name: str
    database_url: str
    port: int = field(default_factory=free_port)
    env: dict[str, str] = field(default_factory=dict)
    log_dir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="tpmhub-logs-")))
    proc: subprocess.Popen[bytes] | None = None
    starts: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.log_dir / f"{self.name}-{self.port}.log"

    def command(self) -> list[str]:
        module, _ = SERVICES[self.name]
        return [sys.executable, "-m", module, "serve", "--host", "127.0.0.1", "--port", str(self.port)]

    def full_env(self) -> dict[str, str]:
        _, prefix = SERVICES[self.name]
        own = ("TPM_", "REQUIREMENTS_", "RISK_", "RELEASE_")
        env = {k: v for k, v in os.environ.items() if not k.startswith(own)}
        env.update(
            {
                "TPM_ENV": "test",
                "TPM_LOG_FORMAT": "json",
                "TPM_LOG_LEVEL": "INFO",
                f"{prefix}_DATABASE_URL": self.database_url,
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.update(self.env)
        return env

    def start(self, timeout: float = 60.0) -> ServiceProcess:
        self.starts += 1
        log = open(self.log_path, "ab")  # noqa: SIM115 - the process owns it for its lifetime
        self.proc = subprocess.Popen(
            self.command(), env=self.full_env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}:\n{self.tail()}")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=1.0).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{self.name} did not become ready in {timeout}s:\n{self.tail()}")

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            self.proc.wait(timeout=30)

    def send_signal(self, sig: int) -> None:
        """Send a signal without waiting (SIGSTOP/SIGCONT to freeze and thaw, SIGTERM to start a shutdown)."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)  # a frozen process cannot act on SIGTERM
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def restart(self) -> ServiceProcess:
        self.stop()
        return self.start()

    def tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return ""

    def logs(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""
