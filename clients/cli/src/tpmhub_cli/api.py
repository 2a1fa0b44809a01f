"""Calls through the SDK's authenticated clients, with problem details turned into readable errors."""

from __future__ import annotations

from typing import Any

import httpx

from tpmhub_sdk import Hub
from tpmhub_cli.config import Config


class ApiError(Exception):
    """An answer that is not a success, or no answer at all; `str()` is what the user reads."""

    def __init__(self, message: str, status: int | None = None, problem: dict[str, Any] | None = None,
                 *, unreachable: bool = False):
        super().__init__(message)
        self.status = status
        self.problem = problem or {}
        self.unreachable = unreachable  # no answer at all (connection refused, timeout)


class Api:
    def __init__(self, config: Config) -> None:
        if not config.token:
            raise ApiError("No token: run `tpm login --token …` or set TPM_TOKEN (get one with `make token`).")
        hub = Hub(token=config.token, requirements_url=config.requirements_url, risk_url=config.risk_url,
                  release_url=config.release_url)
        self._clients = {"requirements": hub.requirements, "risk": hub.risk, "release": hub.release}

    def call(self, service: str, method: str, path: str, *, json: Any = None, params: dict[str, Any] | None = None,
             content: bytes | None = None, headers: dict[str, str] | None = None, raw: bool = False) -> Any:
        client = self._clients[service].get_httpx_client()
        clean = {k: v for k, v in (params or {}).items() if v is not None}
        try:
            response = client.request(method, path, json=json, params=clean, content=content, headers=headers)
        except httpx.HTTPError as exc:
            raise ApiError(f"{service} service unreachable at {client.base_url} ({type(exc).__name__}).",
                           unreachable=True) from None
        if response.status_code >= 400:
            try:
                problem = response.json()
            except ValueError:
                problem = {"title": response.reason_phrase, "detail": response.text[:300]}
            message = f"{problem.get('title', 'Error')} ({response.status_code})"
            if problem.get("detail"):
                message += f": {problem['detail']}"
            for err in problem.get("errors") or []:
                message += f"\n  - {err.get('loc')}: {err.get('message')}"
            for check in problem.get("checks") or []:
                message += f"\n  - {check.get('name')}: {check.get('reason')}"
            if problem.get("allowed_actions") is not None:
                message += f"\n  allowed actions: {', '.join(problem['allowed_actions']) or 'none'}"
            raise ApiError(message, response.status_code, problem)
        if raw:
            return response
        if not response.content:
            return None
        if "json" in response.headers.get("content-type", ""):
            return response.json()
        return response.text

    def pages(self, service: str, path: str, params: dict[str, Any] | None = None, limit: int = 200) -> list[Any]:
        """Every item of a keyset-paginated list."""
        items: list[Any] = []
        cursor = None
        while True:
            page = self.call(service, "GET", path, params={**(params or {}), "limit": limit, "cursor": cursor})
            items.extend(page["items"])
            cursor = page.get("next_cursor")
            if not cursor:
                return items
