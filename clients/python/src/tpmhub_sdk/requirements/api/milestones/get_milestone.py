from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.milestone_public import MilestonePublic
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    milestone_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/milestones/{milestone_id}".format(
            milestone_id=quote(str(milestone_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MilestonePublic | Problem | None:
    if response.status_code == 200:
        response_200 = MilestonePublic.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[MilestonePublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    milestone_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[MilestonePublic | Problem]:
    """Get Milestone

     A milestone with its progress (done points / total points of its items).

    Args:
        milestone_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MilestonePublic | Problem]
    """

    kwargs = _get_kwargs(
        milestone_id=milestone_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    milestone_id: UUID,
    *,
    client: AuthenticatedClient,
) -> MilestonePublic | Problem | None:
    """Get Milestone

     A milestone with its progress (done points / total points of its items).

    Args:
        milestone_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MilestonePublic | Problem
    """

    return sync_detailed(
        milestone_id=milestone_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    milestone_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[MilestonePublic | Problem]:
    """Get Milestone

     A milestone with its progress (done points / total points of its items).

    Args:
        milestone_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MilestonePublic | Problem]
    """

    kwargs = _get_kwargs(
        milestone_id=milestone_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    milestone_id: UUID,
    *,
    client: AuthenticatedClient,
) -> MilestonePublic | Problem | None:
    """Get Milestone

     A milestone with its progress (done points / total points of its items).

    Args:
        milestone_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MilestonePublic | Problem
    """

    return (
        await asyncio_detailed(
            milestone_id=milestone_id,
            client=client,
        )
    ).parsed
