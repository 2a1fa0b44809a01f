from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.criterion_public import CriterionPublic
from ...models.criterion_update import CriterionUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    criterion_id: UUID,
    *,
    body: CriterionUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/criteria/{criterion_id}".format(
            criterion_id=quote(str(criterion_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CriterionPublic | Problem | None:
    if response.status_code == 200:
        response_200 = CriterionPublic.from_dict(response.json())

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
) -> Response[CriterionPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    criterion_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CriterionUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[CriterionPublic | Problem]:
    """Update Criterion

     Change the text; a passed or failed criterion whose text changes goes back to pending.

    Args:
        criterion_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (CriterionUpdate): Change the text; changing the text of a passed criterion resets it
            to pending.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CriterionPublic | Problem]
    """

    kwargs = _get_kwargs(
        criterion_id=criterion_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    criterion_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CriterionUpdate,
    if_match: None | str | Unset = UNSET,
) -> CriterionPublic | Problem | None:
    """Update Criterion

     Change the text; a passed or failed criterion whose text changes goes back to pending.

    Args:
        criterion_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (CriterionUpdate): Change the text; changing the text of a passed criterion resets it
            to pending.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CriterionPublic | Problem
    """

    return sync_detailed(
        criterion_id=criterion_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    criterion_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CriterionUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[CriterionPublic | Problem]:
    """Update Criterion

     Change the text; a passed or failed criterion whose text changes goes back to pending.

    Args:
        criterion_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (CriterionUpdate): Change the text; changing the text of a passed criterion resets it
            to pending.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CriterionPublic | Problem]
    """

    kwargs = _get_kwargs(
        criterion_id=criterion_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    criterion_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CriterionUpdate,
    if_match: None | str | Unset = UNSET,
) -> CriterionPublic | Problem | None:
    """Update Criterion

     Change the text; a passed or failed criterion whose text changes goes back to pending.

    Args:
        criterion_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (CriterionUpdate): Change the text; changing the text of a passed criterion resets it
            to pending.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CriterionPublic | Problem
    """

    return (
        await asyncio_detailed(
            criterion_id=criterion_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
