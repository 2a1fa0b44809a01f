from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.schedule_create import ScheduleCreate
from ...models.schedule_public import SchedulePublic
from ...types import UNSET, Response, Unset


def _get_kwargs(
    rollout_id: UUID,
    *,
    body: ScheduleCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/rollouts/{rollout_id}/schedules".format(
            rollout_id=quote(str(rollout_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SchedulePublic | None:
    if response.status_code == 201:
        response_201 = SchedulePublic.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[Problem | SchedulePublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    rollout_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ScheduleCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SchedulePublic]:
    """Create Rollout Schedule

     Start or advance the rollout at a given time (who may steer it: the stage's operator or a
    tpm/admin). Inside a freeze window of the rollout's environment without an approved exception: 409
    `freeze-window`, now and again when due. When due the scheduler acts as you, with the action's
    rules.

    Args:
        rollout_id (UUID):
        idempotency_key (str | Unset):
        body (ScheduleCreate): Start or advance the rollout at a given time (run by the scheduler
            with the same rules as the action:
            operator, hold, gate). Refused inside a freeze window of the rollout's environment without
            an approved
            exception, when created and again when due.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SchedulePublic]
    """

    kwargs = _get_kwargs(
        rollout_id=rollout_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    rollout_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ScheduleCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SchedulePublic | None:
    """Create Rollout Schedule

     Start or advance the rollout at a given time (who may steer it: the stage's operator or a
    tpm/admin). Inside a freeze window of the rollout's environment without an approved exception: 409
    `freeze-window`, now and again when due. When due the scheduler acts as you, with the action's
    rules.

    Args:
        rollout_id (UUID):
        idempotency_key (str | Unset):
        body (ScheduleCreate): Start or advance the rollout at a given time (run by the scheduler
            with the same rules as the action:
            operator, hold, gate). Refused inside a freeze window of the rollout's environment without
            an approved
            exception, when created and again when due.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SchedulePublic
    """

    return sync_detailed(
        rollout_id=rollout_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    rollout_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ScheduleCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SchedulePublic]:
    """Create Rollout Schedule

     Start or advance the rollout at a given time (who may steer it: the stage's operator or a
    tpm/admin). Inside a freeze window of the rollout's environment without an approved exception: 409
    `freeze-window`, now and again when due. When due the scheduler acts as you, with the action's
    rules.

    Args:
        rollout_id (UUID):
        idempotency_key (str | Unset):
        body (ScheduleCreate): Start or advance the rollout at a given time (run by the scheduler
            with the same rules as the action:
            operator, hold, gate). Refused inside a freeze window of the rollout's environment without
            an approved
            exception, when created and again when due.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SchedulePublic]
    """

    kwargs = _get_kwargs(
        rollout_id=rollout_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    rollout_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ScheduleCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SchedulePublic | None:
    """Create Rollout Schedule

     Start or advance the rollout at a given time (who may steer it: the stage's operator or a
    tpm/admin). Inside a freeze window of the rollout's environment without an approved exception: 409
    `freeze-window`, now and again when due. When due the scheduler acts as you, with the action's
    rules.

    Args:
        rollout_id (UUID):
        idempotency_key (str | Unset):
        body (ScheduleCreate): Start or advance the rollout at a given time (run by the scheduler
            with the same rules as the action:
            operator, hold, gate). Refused inside a freeze window of the rollout's environment without
            an approved
            exception, when created and again when due.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SchedulePublic
    """

    return (
        await asyncio_detailed(
            rollout_id=rollout_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
