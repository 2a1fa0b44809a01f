from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.release_scope_query import ReleaseScopeQuery
from ...models.release_scope_result import ReleaseScopeResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ReleaseScopeQuery,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/releases/scope-query",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReleaseScopeResult | None:
    if response.status_code == 200:
        response_200 = ReleaseScopeResult.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ReleaseScopeResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ReleaseScopeQuery,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ReleaseScopeResult]:
    """Query Release Scope

     Read-only, for change-request impact (service tokens and project readers): the project's releases
    whose scope holds any of the items, with their status and whether an approved change to those items
    sends them back to review (`back_to_review`, true for approved releases).

    Args:
        idempotency_key (str | Unset):
        body (ReleaseScopeQuery): Releases whose scope holds any of these items (read-only; for
            change-request impact).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReleaseScopeResult]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ReleaseScopeQuery,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ReleaseScopeResult | None:
    """Query Release Scope

     Read-only, for change-request impact (service tokens and project readers): the project's releases
    whose scope holds any of the items, with their status and whether an approved change to those items
    sends them back to review (`back_to_review`, true for approved releases).

    Args:
        idempotency_key (str | Unset):
        body (ReleaseScopeQuery): Releases whose scope holds any of these items (read-only; for
            change-request impact).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReleaseScopeResult
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ReleaseScopeQuery,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ReleaseScopeResult]:
    """Query Release Scope

     Read-only, for change-request impact (service tokens and project readers): the project's releases
    whose scope holds any of the items, with their status and whether an approved change to those items
    sends them back to review (`back_to_review`, true for approved releases).

    Args:
        idempotency_key (str | Unset):
        body (ReleaseScopeQuery): Releases whose scope holds any of these items (read-only; for
            change-request impact).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReleaseScopeResult]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ReleaseScopeQuery,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ReleaseScopeResult | None:
    """Query Release Scope

     Read-only, for change-request impact (service tokens and project readers): the project's releases
    whose scope holds any of the items, with their status and whether an approved change to those items
    sends them back to review (`back_to_review`, true for approved releases).

    Args:
        idempotency_key (str | Unset):
        body (ReleaseScopeQuery): Releases whose scope holds any of these items (read-only; for
            change-request impact).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReleaseScopeResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
