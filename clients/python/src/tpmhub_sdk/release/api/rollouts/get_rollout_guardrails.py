from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.guardrail_status import GuardrailStatus
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    rollout_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/rollouts/{rollout_id}/guardrails".format(
            rollout_id=quote(str(rollout_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GuardrailStatus | Problem | None:
    if response.status_code == 200:
        response_200 = GuardrailStatus.from_dict(response.json())

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
) -> Response[GuardrailStatus | Problem]:
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
) -> Response[GuardrailStatus | Problem]:
    """Get Rollout Guardrails

     The current stage's guardrails (or the bake's) with the state of each (pass, inconclusive, fail,
    no_baseline, no_data; dry runs flagged) and whether the hold has passed: what the scheduler needs to
    advance.

    Args:
        rollout_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GuardrailStatus | Problem]
    """

    kwargs = _get_kwargs(
        rollout_id=rollout_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    rollout_id: UUID,
    *,
    client: AuthenticatedClient,
) -> GuardrailStatus | Problem | None:
    """Get Rollout Guardrails

     The current stage's guardrails (or the bake's) with the state of each (pass, inconclusive, fail,
    no_baseline, no_data; dry runs flagged) and whether the hold has passed: what the scheduler needs to
    advance.

    Args:
        rollout_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GuardrailStatus | Problem
    """

    return sync_detailed(
        rollout_id=rollout_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    rollout_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[GuardrailStatus | Problem]:
    """Get Rollout Guardrails

     The current stage's guardrails (or the bake's) with the state of each (pass, inconclusive, fail,
    no_baseline, no_data; dry runs flagged) and whether the hold has passed: what the scheduler needs to
    advance.

    Args:
        rollout_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GuardrailStatus | Problem]
    """

    kwargs = _get_kwargs(
        rollout_id=rollout_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    rollout_id: UUID,
    *,
    client: AuthenticatedClient,
) -> GuardrailStatus | Problem | None:
    """Get Rollout Guardrails

     The current stage's guardrails (or the bake's) with the state of each (pass, inconclusive, fail,
    no_baseline, no_data; dry runs flagged) and whether the hold has passed: what the scheduler needs to
    advance.

    Args:
        rollout_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GuardrailStatus | Problem
    """

    return (
        await asyncio_detailed(
            rollout_id=rollout_id,
            client=client,
        )
    ).parsed
