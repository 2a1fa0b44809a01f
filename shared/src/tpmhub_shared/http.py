"""Calls between services: pooled httpx client, service token, request id forwarded, bounded timeouts,
retries with backoff for idempotent calls only."""

from __future__ import annotations

import time
from typing import Any, TypeVar

import httpx
import structlog
from pydantic import BaseModel
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt, wait_exponential_jitter

from tpmhub_shared.auth import issue_token
from tpmhub_shared.problems import ServiceUnavailable
from tpmhub_shared.settings import CommonSettings

Answer = TypeVar("Answer", bound=BaseModel)


class SiblingError(Exception):
    """A sibling service failed, timed out or answered unexpectedly; `reason` says which."""

    def __init__(self, service: str, reason: str, status: int | None = None, body: Any = None) -> None:
        super().__init__(f"{service}: {reason}")
        self.service = service
        self.reason = reason
        self.status = status
        self.body = body

    def unavailable(self) -> ServiceUnavailable:
        return ServiceUnavailable(f"{self.service} is unavailable: {self.reason}", sibling=self.service)


class _Retryable(Exception):
    pass


class SiblingClient:
    """One per sibling per process; share it (it pools connections)."""

    def __init__(
        self,
        *,
        name: str,
        base_url: str,
        settings: CommonSettings,
        caller: str,
        timeout: float | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.name = name
        self.settings = settings
        self.caller = caller
        self.timeout = timeout or settings.sibling_timeout_seconds
        self._token: str | None = None
        self._token_exp = 0.0
        self._client = httpx.AsyncClient(
            base_url=base_url,
            timeout=httpx.Timeout(self.timeout, connect=min(self.timeout, 1.0)),
            # Every connection is kept alive: with fewer kept than used, each burst above the keep-alive
            # count closed connections and opened new ones (a TCP connect per call, bench/README.md).
            # httpcore scans the whole pool on every request, so the pool is not made larger than needed.
            limits=httpx.Limits(max_connections=50, max_keepalive_connections=50),
            transport=transport,
        )

    def _service_token(self) -> str:
        now = time.time()
        if self._token is None or now > self._token_exp - 60:
            ttl = 600
            self._token = issue_token(
                self.settings,
                sub=f"service:{self.caller}",
                name=self.caller,
                roles={"*": "viewer"},
                ttl_seconds=ttl,
                service=self.caller,
            )
            self._token_exp = now + ttl
        return self._token

    def _headers(self) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self._service_token()}"}
        request_id = structlog.contextvars.get_contextvars().get("request_id")
        if request_id:
            headers["X-Request-ID"] = str(request_id)
        return headers

    # ASYNC109: `timeout` is not a cancel-scope stand-in but the call's budget, shared by the retries and
    # handed to httpx per attempt so that running out becomes a SiblingError (httpx's own `timeout=`).
    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        content: bytes | None = None,
        params: Any = None,
        idempotent: bool | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 - see above
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """Send one call; GET (or `idempotent=True`) is retried on connection errors and 502/503/504,
        within the overall timeout. Raises SiblingError on failure or any 5xx."""
        if idempotent is None:
            idempotent = method.upper() in {"GET", "HEAD", "PUT", "DELETE"}
        budget = timeout or self.timeout
        deadline = time.monotonic() + budget
        attempts = 3 if idempotent else 1

        async def once() -> httpx.Response:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise SiblingError(self.name, f"timed out after {budget:.1f}s")
            try:
                response = await self._client.request(
                    method,
                    path,
                    json=json,
                    content=content,
                    params=params,
                    headers={**self._headers(), **(headers or {})},
                    timeout=httpx.Timeout(remaining, connect=min(remaining, 1.0)),
                )
            except httpx.TimeoutException as exc:
                raise _Retryable(f"timed out after {budget:.1f}s") from exc
            except httpx.TransportError as exc:
                raise _Retryable(f"unreachable ({type(exc).__name__})") from exc
            if response.status_code in (502, 503, 504):
                raise _Retryable(f"answered {response.status_code}")
            return response

        try:
            async for attempt in AsyncRetrying(
                stop=stop_after_attempt(attempts),
                wait=wait_exponential_jitter(multiplier=0.05, max=0.3),
                retry=retry_if_exception_type(_Retryable),
                reraise=True,
            ):
                with attempt:
                    response = await once()
        except _Retryable as exc:
            raise SiblingError(self.name, str(exc)) from exc
        if response.status_code >= 500:
            raise SiblingError(self.name, f"answered {response.status_code}", response.status_code)
        return response

    def _refuse_4xx(self, response: httpx.Response) -> None:
        """A 4xx answer (5xx already raised in `request`) as SiblingError carrying the problem body."""
        if response.status_code >= 400:
            raise SiblingError(
                self.name, f"answered {response.status_code}", response.status_code, _safe_json(response)
            )

    async def get_json(self, path: str, **kw: Any) -> Any:
        response = await self.request("GET", path, **kw)
        self._refuse_4xx(response)
        return response.json()

    async def post_json(self, path: str, payload: Any, **kw: Any) -> Any:
        response = await self.request("POST", path, json=payload, **kw)
        self._refuse_4xx(response)
        return response.json() if response.content else None

    async def post_model(self, path: str, body: BaseModel, answer: type[Answer], **kw: Any) -> Answer:
        """POST a contract body and read the contract answer, both through pydantic's own JSON (no
        intermediate dicts: parsing the gate's 200-item look-up answer with `json` and then validating it
        was most of the gate's client time). An answer that does not fit the contract raises
        pydantic's ValidationError; a 4xx raises SiblingError with the problem body."""
        response = await self.request(
            "POST",
            path,
            content=body.model_dump_json().encode(),
            headers={"Content-Type": "application/json"},
            **kw,
        )
        self._refuse_4xx(response)
        return answer.model_validate_json(response.content)

    async def post_bytes(self, path: str, body: bytes, **kw: Any) -> bytes:
        """POST a JSON body the caller encoded and return the answer's bytes (a 4xx raises SiblingError
        with the problem body): for a hot caller that writes and reads the JSON itself (the gate, with
        orjson, reading only the fields it judges)."""
        response = await self.request(
            "POST", path, content=body, headers={"Content-Type": "application/json"}, **kw
        )
        self._refuse_4xx(response)
        return response.content

    async def aclose(self) -> None:
        await self._client.aclose()


def _safe_json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return response.text[:500]
