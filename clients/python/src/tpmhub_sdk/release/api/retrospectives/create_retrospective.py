from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.retrospective_public import RetrospectivePublic
from ...types import UNSET, Response, Unset


def _get_kwargs(
    release_id: UUID,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/releases/{release_id}/retrospective".format(
            release_id=quote(str(release_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RetrospectivePublic | None:
    if response.status_code == 201:
        response_201 = RetrospectivePublic.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | RetrospectivePublic]:
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
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RetrospectivePublic]:
    """Create Retrospective

     Draft the retrospective from the audit trail: planned vs actual dates, timeline, approval latency,
    gate denials, guardrail trips, pauses and rollbacks (admin, pm, tpm, engineer, qa).

    Args:
        release_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RetrospectivePublic]
    """

    kwargs = _get_kwargs(
        release_id=release_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    release_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RetrospectivePublic | None:
    """Create Retrospective

     Draft the retrospective from the audit trail: planned vs actual dates, timeline, approval latency,
    gate denials, guardrail trips, pauses and rollbacks (admin, pm, tpm, engineer, qa).

    Args:
        release_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RetrospectivePublic
    """

    return sync_detailed(
        release_id=release_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    release_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RetrospectivePublic]:
    """Create Retrospective

     Draft the retrospective from the audit trail: planned vs actual dates, timeline, approval latency,
    gate denials, guardrail trips, pauses and rollbacks (admin, pm, tpm, engineer, qa).

    Args:
        release_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RetrospectivePublic]
    """

    kwargs = _get_kwargs(
        release_id=release_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    release_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RetrospectivePublic | None:
    """Create Retrospective

     Draft the retrospective from the audit trail: planned vs actual dates, timeline, approval latency,
    gate denials, guardrail trips, pauses and rollbacks (admin, pm, tpm, engineer, qa).

    Args:
        release_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RetrospectivePublic
    """

    return (
        await asyncio_detailed(
            release_id=release_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
