from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.decision_public import DecisionPublic
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    rollout_id: UUID,
    *,
    unit: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["unit"] = unit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/rollouts/{rollout_id}/decide".format(
            rollout_id=quote(str(rollout_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DecisionPublic | Problem | None:
    if response.status_code == 200:
        response_200 = DecisionPublic.from_dict(response.json())

        return response_200

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
) -> Response[DecisionPublic | Problem]:
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
    unit: str,
) -> Response[DecisionPublic | Problem]:
    """Decide Cohort

     Is this unit inside the rollout now? Sticky: Unleash-compatible bucket of `group_id:unit`, inside
    when
    bucket ≤ percent; nobody after rollback, everybody after completion. Any role on the project.

    Args:
        rollout_id (UUID):
        unit (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionPublic | Problem]
    """

    kwargs = _get_kwargs(
        rollout_id=rollout_id,
        unit=unit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    rollout_id: UUID,
    *,
    client: AuthenticatedClient,
    unit: str,
) -> DecisionPublic | Problem | None:
    """Decide Cohort

     Is this unit inside the rollout now? Sticky: Unleash-compatible bucket of `group_id:unit`, inside
    when
    bucket ≤ percent; nobody after rollback, everybody after completion. Any role on the project.

    Args:
        rollout_id (UUID):
        unit (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionPublic | Problem
    """

    return sync_detailed(
        rollout_id=rollout_id,
        client=client,
        unit=unit,
    ).parsed


async def asyncio_detailed(
    rollout_id: UUID,
    *,
    client: AuthenticatedClient,
    unit: str,
) -> Response[DecisionPublic | Problem]:
    """Decide Cohort

     Is this unit inside the rollout now? Sticky: Unleash-compatible bucket of `group_id:unit`, inside
    when
    bucket ≤ percent; nobody after rollback, everybody after completion. Any role on the project.

    Args:
        rollout_id (UUID):
        unit (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionPublic | Problem]
    """

    kwargs = _get_kwargs(
        rollout_id=rollout_id,
        unit=unit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    rollout_id: UUID,
    *,
    client: AuthenticatedClient,
    unit: str,
) -> DecisionPublic | Problem | None:
    """Decide Cohort

     Is this unit inside the rollout now? Sticky: Unleash-compatible bucket of `group_id:unit`, inside
    when
    bucket ≤ percent; nobody after rollback, everybody after completion. Any role on the project.

    Args:
        rollout_id (UUID):
        unit (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionPublic | Problem
    """

    return (
        await asyncio_detailed(
            rollout_id=rollout_id,
            client=client,
            unit=unit,
        )
    ).parsed
