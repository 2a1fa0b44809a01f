from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.abort_request import AbortRequest
from ...models.problem import Problem
from ...models.rollout_public import RolloutPublic
from ...types import UNSET, Response, Unset


def _get_kwargs(
    rollout_id: UUID,
    *,
    body: AbortRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/rollouts/{rollout_id}/abort".format(
            rollout_id=quote(str(rollout_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RolloutPublic | None:
    if response.status_code == 200:
        response_200 = RolloutPublic.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
) -> Response[Problem | RolloutPublic]:
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
    body: AbortRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RolloutPublic]:
    """Abort Rollout

     Stop a draft, running or paused rollout for good, with a required reason (any stage operator or
    tpm/admin). Nobody is exposed afterwards; a rollout that had exposed units rolls its release back
    and
    counts as a change failure, a draft does not. Pending scheduled actions are cancelled.

    Args:
        rollout_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        idempotency_key (str | Unset):
        body (AbortRequest): Stop the rollout now: nobody is exposed any more. The reason is
            required (history, event, DORA).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RolloutPublic]
    """

    kwargs = _get_kwargs(
        rollout_id=rollout_id,
        body=body,
        if_match=if_match,
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
    body: AbortRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RolloutPublic | None:
    """Abort Rollout

     Stop a draft, running or paused rollout for good, with a required reason (any stage operator or
    tpm/admin). Nobody is exposed afterwards; a rollout that had exposed units rolls its release back
    and
    counts as a change failure, a draft does not. Pending scheduled actions are cancelled.

    Args:
        rollout_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        idempotency_key (str | Unset):
        body (AbortRequest): Stop the rollout now: nobody is exposed any more. The reason is
            required (history, event, DORA).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RolloutPublic
    """

    return sync_detailed(
        rollout_id=rollout_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    rollout_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AbortRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RolloutPublic]:
    """Abort Rollout

     Stop a draft, running or paused rollout for good, with a required reason (any stage operator or
    tpm/admin). Nobody is exposed afterwards; a rollout that had exposed units rolls its release back
    and
    counts as a change failure, a draft does not. Pending scheduled actions are cancelled.

    Args:
        rollout_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        idempotency_key (str | Unset):
        body (AbortRequest): Stop the rollout now: nobody is exposed any more. The reason is
            required (history, event, DORA).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RolloutPublic]
    """

    kwargs = _get_kwargs(
        rollout_id=rollout_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    rollout_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AbortRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RolloutPublic | None:
    """Abort Rollout

     Stop a draft, running or paused rollout for good, with a required reason (any stage operator or
    tpm/admin). Nobody is exposed afterwards; a rollout that had exposed units rolls its release back
    and
    counts as a change failure, a draft does not. Pending scheduled actions are cancelled.

    Args:
        rollout_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        idempotency_key (str | Unset):
        body (AbortRequest): Stop the rollout now: nobody is exposed any more. The reason is
            required (history, event, DORA).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RolloutPublic
    """

    return (
        await asyncio_detailed(
            rollout_id=rollout_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
