"""Fuzzing every operation of the three services with schemathesis (positive and negative data) against
the real processes on PostgreSQL, with four callers:
- an admin: no 5xx, and every answer conforms to the documented status codes, content types and schemas;
- a viewer: no write ever succeeds;
- an admin of another project: no 2xx on a project's paths other than their own;
- nobody (no token): 401 everywhere but the ops endpoints and the signature-authenticated webhooks;
and for every caller, every problem answer says its own HTTP status in `status` and has string `type` and
`title`, and every 405 (an undocumented method on each path is sent too) lists in `Allow` exactly the
methods the path documents.
The example budget is fixed (`FUZZ_EXAMPLES`, default 6 per operation and mode) so that CI stays within
minutes; raise it locally: `FUZZ_EXAMPLES=200 .venv/bin/python -m pytest tests/test_fuzz.py`.
A summary per service is printed at the end of the test run."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

pytestmark = pytest.mark.e2e

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "6"))
WRITES = {"POST", "PUT", "PATCH", "DELETE"}
PUBLIC = {"/healthz", "/readyz", "/metrics"}
# POSTs that read: batch look-ups and cohort decisions carry a body but change nothing.
READ_POSTS = ("/lookup", "/gate-query", "/decide", "/scope-query", "/impact-query", "/link-query")
SUMMARY: list[str] = []


def _is_webhook(path: str) -> bool:
    """Authenticated by a signature, not a bearer token (CI webhooks, Slack's interactive messages) or by
    the service token (events between services)."""
    return path.startswith(("/v1/webhooks/", "/v1/integrations/")) or path == "/v1/events"


def fuzz(
    stack: Any,
    service: str,
    check: Callable[[Any], str | None],
    *,
    modes: tuple[GenerationMode, ...],
    examples: int = EXAMPLES,
    skip: Callable[[Any], bool] = lambda op: False,
) -> None:
    """Run `check(case)` on generated cases of every operation; collect failures across operations."""
    schema = schemathesis.openapi.from_url(stack.url(service) + "/openapi.json")
    failures: list[str] = []
    operations = calls = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if skip(operation):
            continue
        operations += 1
        for mode in modes:
            seen: list[str] = []

            @settings(
                max_examples=examples,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def run(case: Any, seen: list[str]) -> None:  # `seen` passed in: @given refuses defaults
                nonlocal calls
                calls += 1
                try:
                    problem = check(case)
                except OSError as exc:  # the server broke the connection (e.g. failed mid-stream)
                    problem = f"transport error: {type(exc).__name__}: {str(exc)[:200]}"
                if problem and len(seen) < 2:
                    seen.append(problem)

            try:
                run(seen=seen)
            except Unsatisfiable:  # no such data for this operation (e.g. nothing to make negative)
                continue
            failures.extend(f"{operation.method.upper()} {operation.path} [{mode.value}]: {p}" for p in seen)
    SUMMARY.append(
        f"{service}/{check.__name__}: {operations} operations, {calls} requests, {len(failures)} failures"
    )
    assert not failures, "\n".join(failures[:40])


def problem_mismatch(response: Any) -> str | None:
    """An error answer that is not a well-formed problem: `status` not the HTTP status, `type` or `title`
    not strings (an extension member must never overwrite them)."""
    media = response.headers.get("content-type", "")
    media = (media[0] if isinstance(media, list) else media).split(";")[0].strip()
    if response.status_code < 400 and media != "application/problem+json":
        return None
    try:
        problem = response.json()
    except ValueError:
        return f"{response.status_code}: not a JSON problem: {response.text[:200]}"
    if not isinstance(problem, dict):
        return f"{response.status_code}: the problem is not an object"
    if problem.get("status") != response.status_code:
        return f"{response.status_code}: problem status is {problem.get('status')!r}"
    if not isinstance(problem.get("type"), str) or not isinstance(problem.get("title"), str):
        return (
            f"{response.status_code}: problem type/title are {problem.get('type')!r}/{problem.get('title')!r}"
        )
    return None


class Methods:
    """The documented methods of each request path of a service (every template it matches)."""

    def __init__(self, url: str) -> None:
        paths = httpx.get(url + "/openapi.json").json()["paths"]
        self.templates = [
            (re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", t) + "$"), {m.upper() for m in item})
            for t, item in paths.items()
        ]

    def of(self, path: str) -> set[str]:
        return set().union(*(methods for regex, methods in self.templates if regex.match(path)))


def allow_mismatch(response: Any, path: str, methods: Methods) -> str | None:
    if response.status_code != 405:
        return None
    allow = response.headers.get("allow", "")
    allow = allow[0] if isinstance(allow, list) else allow
    given = {m.strip() for m in allow.split(",") if m.strip()}
    expected = methods.of(path)
    return None if given == expected else f"405 Allow {sorted(given)}, documented {sorted(expected)}"


@pytest.mark.parametrize("service", ["requirements", "risk", "release"])
def test_admin_gets_no_server_error_and_conforming_answers(stack, service):
    headers = stack.headers("admin")
    methods = Methods(stack.url(service))

    def admin_answers_conform(case: Any) -> str | None:
        response = case.call(base_url=stack.url(service), headers=headers)
        if response.status_code >= 500:
            return f"{response.status_code} {response.text[:200]}"
        mismatch = problem_mismatch(response) or allow_mismatch(response, case.formatted_path, methods)
        if mismatch:
            return mismatch
        try:
            case.validate_response(
                response,
                checks=[
                    schemathesis.checks.not_a_server_error,
                    schemathesis.checks.status_code_conformance,
                    schemathesis.checks.content_type_conformance,
                    schemathesis.checks.response_schema_conformance,
                ],
            )
        except (Exception, BaseExceptionGroup) as exc:  # a failed check: report it with the operation
            return f"{response.status_code}: {str(exc).splitlines()[0][:300]}"
        return None

    fuzz(stack, service, admin_answers_conform, modes=(GenerationMode.POSITIVE, GenerationMode.NEGATIVE))


@pytest.mark.parametrize("service", ["requirements", "risk", "release"])
def test_viewer_never_writes(stack, service):
    headers = stack.headers("viewer")

    def viewer_cannot_write(case: Any) -> str | None:
        response = case.call(base_url=stack.url(service), headers=headers)
        if response.status_code >= 500 or 200 <= response.status_code < 300:
            return f"viewer got {response.status_code}"
        return problem_mismatch(response)

    def not_a_write(op: Any) -> bool:
        return op.method.upper() not in WRITES or _is_webhook(op.path) or op.path.endswith(READ_POSTS)

    fuzz(stack, service, viewer_cannot_write, modes=(GenerationMode.POSITIVE,), skip=not_a_write)


@pytest.mark.parametrize("service", ["requirements", "risk", "release"])
def test_other_project_sees_nothing(stack, service):
    headers = stack.headers("admin", "ZZZ")

    def other_project_is_refused(case: Any) -> str | None:
        key = str((case.path_parameters or {}).get("key", ""))
        if not key or key.split("-")[0] == "ZZZ":
            return None
        response = case.call(base_url=stack.url(service), headers=headers)
        if response.status_code >= 500 or 200 <= response.status_code < 300:
            return f"project ZZZ got {response.status_code} on {key}"
        return problem_mismatch(response)

    fuzz(
        stack,
        service,
        other_project_is_refused,
        modes=(GenerationMode.POSITIVE,),
        skip=lambda op: "{key}" not in op.path or _is_webhook(op.path),
    )


@pytest.mark.parametrize("service", ["requirements", "risk", "release"])
def test_every_operation_requires_a_token(stack, service):
    def anonymous_is_refused(case: Any) -> str | None:
        response = case.call(base_url=stack.url(service), headers={"Authorization": ""})
        if response.status_code != 401:
            return f"no token got {response.status_code}"
        return problem_mismatch(response)

    fuzz(
        stack,
        service,
        anonymous_is_refused,
        modes=(GenerationMode.POSITIVE,),
        examples=2,
        skip=lambda op: op.path in PUBLIC or _is_webhook(op.path),
    )


@pytest.mark.parametrize("service", ["requirements", "risk", "release"])
def test_undocumented_methods_get_405_with_every_documented_method(stack, service):
    headers = stack.headers("admin")
    methods = Methods(stack.url(service))

    def undocumented_method_is_405(case: Any) -> str | None:
        path = case.formatted_path
        documented = methods.of(path)
        method = next(
            (m for m in ("DELETE", "PUT", "PATCH", "POST", "GET") if m not in documented), "OPTIONS"
        )
        response = httpx.request(method, stack.url(service) + path, headers=headers)
        if response.status_code != 405:
            return f"{method} {path} got {response.status_code}"
        return problem_mismatch(response) or allow_mismatch(response, path, methods)

    fuzz(stack, service, undocumented_method_is_405, modes=(GenerationMode.POSITIVE,), examples=1)
