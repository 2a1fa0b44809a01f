from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.action_public import ActionPublic
from ...models.action_update import ActionUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    action_id: UUID,
    *,
    body: ActionUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/risk-actions/{action_id}".format(
            action_id=quote(str(action_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActionPublic | Problem | None:
    if response.status_code == 200:
        response_200 = ActionPublic.from_dict(response.json())

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
) -> Response[ActionPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    action_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ActionUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[ActionPublic | Problem]:
    """Update Risk Action

     Change a mitigation action (its owner, the risk's owner or a tpm/pm/admin).

    Args:
        action_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (ActionUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionPublic | Problem]
    """

    kwargs = _get_kwargs(
        action_id=action_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    action_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ActionUpdate,
    if_match: None | str | Unset = UNSET,
) -> ActionPublic | Problem | None:
    """Update Risk Action

     Change a mitigation action (its owner, the risk's owner or a tpm/pm/admin).

    Args:
        action_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (ActionUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionPublic | Problem
    """

    return sync_detailed(
        action_id=action_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    action_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ActionUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[ActionPublic | Problem]:
    """Update Risk Action

     Change a mitigation action (its owner, the risk's owner or a tpm/pm/admin).

    Args:
        action_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (ActionUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionPublic | Problem]
    """

    kwargs = _get_kwargs(
        action_id=action_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    action_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ActionUpdate,
    if_match: None | str | Unset = UNSET,
) -> ActionPublic | Problem | None:
    """Update Risk Action

     Change a mitigation action (its owner, the risk's owner or a tpm/pm/admin).

    Args:
        action_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (ActionUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionPublic | Problem
    """

    return (
        await asyncio_detailed(
            action_id=action_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
