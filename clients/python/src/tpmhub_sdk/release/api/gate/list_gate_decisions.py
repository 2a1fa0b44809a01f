from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_gate_result import PageGateResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    release_id: UUID,
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    allowed: bool | None | Unset = UNSET,
    environment: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_allowed: bool | None | Unset
    if isinstance(allowed, Unset):
        json_allowed = UNSET
    else:
        json_allowed = allowed
    params["allowed"] = json_allowed

    json_environment: None | str | Unset
    if isinstance(environment, Unset):
        json_environment = UNSET
    else:
        json_environment = environment
    params["environment"] = json_environment

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/releases/{release_id}/gate-decisions".format(
            release_id=quote(str(release_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageGateResult | Problem | None:
    if response.status_code == 200:
        response_200 = PageGateResult.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageGateResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    release_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    allowed: bool | None | Unset = UNSET,
    environment: None | str | Unset = UNSET,
) -> Response[PageGateResult | Problem]:
    """List Gate Decisions

     Every gate answer for the release, newest first: who asked, the result and its checks. Answers given
    to rollout actions carry `action` and `rollout_id`, and `override` when a tpm/admin went past a
    denial.

    Args:
        release_id (UUID):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        allowed (bool | None | Unset):
        environment (None | str | Unset): A project environment or an alias (422 if unknown).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageGateResult | Problem]
    """

    kwargs = _get_kwargs(
        release_id=release_id,
        limit=limit,
        cursor=cursor,
        allowed=allowed,
        environment=environment,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    release_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    allowed: bool | None | Unset = UNSET,
    environment: None | str | Unset = UNSET,
) -> PageGateResult | Problem | None:
    """List Gate Decisions

     Every gate answer for the release, newest first: who asked, the result and its checks. Answers given
    to rollout actions carry `action` and `rollout_id`, and `override` when a tpm/admin went past a
    denial.

    Args:
        release_id (UUID):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        allowed (bool | None | Unset):
        environment (None | str | Unset): A project environment or an alias (422 if unknown).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageGateResult | Problem
    """

    return sync_detailed(
        release_id=release_id,
        client=client,
        limit=limit,
        cursor=cursor,
        allowed=allowed,
        environment=environment,
    ).parsed


async def asyncio_detailed(
    release_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    allowed: bool | None | Unset = UNSET,
    environment: None | str | Unset = UNSET,
) -> Response[PageGateResult | Problem]:
    """List Gate Decisions

     Every gate answer for the release, newest first: who asked, the result and its checks. Answers given
    to rollout actions carry `action` and `rollout_id`, and `override` when a tpm/admin went past a
    denial.

    Args:
        release_id (UUID):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        allowed (bool | None | Unset):
        environment (None | str | Unset): A project environment or an alias (422 if unknown).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageGateResult | Problem]
    """

    kwargs = _get_kwargs(
        release_id=release_id,
        limit=limit,
        cursor=cursor,
        allowed=allowed,
        environment=environment,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    release_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    allowed: bool | None | Unset = UNSET,
    environment: None | str | Unset = UNSET,
) -> PageGateResult | Problem | None:
    """List Gate Decisions

     Every gate answer for the release, newest first: who asked, the result and its checks. Answers given
    to rollout actions carry `action` and `rollout_id`, and `override` when a tpm/admin went past a
    denial.

    Args:
        release_id (UUID):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        allowed (bool | None | Unset):
        environment (None | str | Unset): A project environment or an alias (422 if unknown).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageGateResult | Problem
    """

    return (
        await asyncio_detailed(
            release_id=release_id,
            client=client,
            limit=limit,
            cursor=cursor,
            allowed=allowed,
            environment=environment,
        )
    ).parsed
