from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.schedule_public import SchedulePublic
from ...types import Response


def _get_kwargs(
    rollout_id: UUID,
    schedule_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/rollouts/{rollout_id}/schedules/{schedule_id}".format(
            rollout_id=quote(str(rollout_id), safe=""),
            schedule_id=quote(str(schedule_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SchedulePublic | None:
    if response.status_code == 200:
        response_200 = SchedulePublic.from_dict(response.json())

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
) -> Response[Problem | SchedulePublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    rollout_id: UUID,
    schedule_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | SchedulePublic]:
    """Cancel Rollout Schedule

     Cancel a pending scheduled action (whoever scheduled it, the stage's operator or a tpm/admin); it
    stays listed as cancelled. One that ran already is 409.

    Args:
        rollout_id (UUID):
        schedule_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SchedulePublic]
    """

    kwargs = _get_kwargs(
        rollout_id=rollout_id,
        schedule_id=schedule_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    rollout_id: UUID,
    schedule_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | SchedulePublic | None:
    """Cancel Rollout Schedule

     Cancel a pending scheduled action (whoever scheduled it, the stage's operator or a tpm/admin); it
    stays listed as cancelled. One that ran already is 409.

    Args:
        rollout_id (UUID):
        schedule_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SchedulePublic
    """

    return sync_detailed(
        rollout_id=rollout_id,
        schedule_id=schedule_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    rollout_id: UUID,
    schedule_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | SchedulePublic]:
    """Cancel Rollout Schedule

     Cancel a pending scheduled action (whoever scheduled it, the stage's operator or a tpm/admin); it
    stays listed as cancelled. One that ran already is 409.

    Args:
        rollout_id (UUID):
        schedule_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SchedulePublic]
    """

    kwargs = _get_kwargs(
        rollout_id=rollout_id,
        schedule_id=schedule_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    rollout_id: UUID,
    schedule_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | SchedulePublic | None:
    """Cancel Rollout Schedule

     Cancel a pending scheduled action (whoever scheduled it, the stage's operator or a tpm/admin); it
    stays listed as cancelled. One that ran already is 409.

    Args:
        rollout_id (UUID):
        schedule_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SchedulePublic
    """

    return (
        await asyncio_detailed(
            rollout_id=rollout_id,
            schedule_id=schedule_id,
            client=client,
        )
    ).parsed
