from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_event_deliveries_status_type_0 import (
    ListEventDeliveriesStatusType0,
)
from ...models.page_event_delivery_public import PageEventDeliveryPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: ListEventDeliveriesStatusType0 | None | Unset = UNSET,
    target: None | str | Unset = UNSET,
    event_type: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    json_target: None | str | Unset
    if isinstance(target, Unset):
        json_target = UNSET
    else:
        json_target = target
    params["target"] = json_target

    json_event_type: None | str | Unset
    if isinstance(event_type, Unset):
        json_event_type = UNSET
    else:
        json_event_type = event_type
    params["event_type"] = json_event_type

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/event-deliveries",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageEventDeliveryPublic | Problem | None:
    if response.status_code == 200:
        response_200 = PageEventDeliveryPublic.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageEventDeliveryPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: ListEventDeliveriesStatusType0 | None | Unset = UNSET,
    target: None | str | Unset = UNSET,
    event_type: None | str | Unset = UNSET,
) -> Response[PageEventDeliveryPublic | Problem]:
    """List Event Deliveries

     Deliveries of this service's events to siblings and subscribers, oldest first (admins).

    Args:
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        status (ListEventDeliveriesStatusType0 | None | Unset): `dead` lists the dead letters.
        target (None | str | Unset): `sibling:risk` or `subscription:<id>`
        event_type (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageEventDeliveryPublic | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        status=status,
        target=target,
        event_type=event_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: ListEventDeliveriesStatusType0 | None | Unset = UNSET,
    target: None | str | Unset = UNSET,
    event_type: None | str | Unset = UNSET,
) -> PageEventDeliveryPublic | Problem | None:
    """List Event Deliveries

     Deliveries of this service's events to siblings and subscribers, oldest first (admins).

    Args:
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        status (ListEventDeliveriesStatusType0 | None | Unset): `dead` lists the dead letters.
        target (None | str | Unset): `sibling:risk` or `subscription:<id>`
        event_type (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageEventDeliveryPublic | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        status=status,
        target=target,
        event_type=event_type,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: ListEventDeliveriesStatusType0 | None | Unset = UNSET,
    target: None | str | Unset = UNSET,
    event_type: None | str | Unset = UNSET,
) -> Response[PageEventDeliveryPublic | Problem]:
    """List Event Deliveries

     Deliveries of this service's events to siblings and subscribers, oldest first (admins).

    Args:
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        status (ListEventDeliveriesStatusType0 | None | Unset): `dead` lists the dead letters.
        target (None | str | Unset): `sibling:risk` or `subscription:<id>`
        event_type (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageEventDeliveryPublic | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        status=status,
        target=target,
        event_type=event_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: ListEventDeliveriesStatusType0 | None | Unset = UNSET,
    target: None | str | Unset = UNSET,
    event_type: None | str | Unset = UNSET,
) -> PageEventDeliveryPublic | Problem | None:
    """List Event Deliveries

     Deliveries of this service's events to siblings and subscribers, oldest first (admins).

    Args:
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        status (ListEventDeliveriesStatusType0 | None | Unset): `dead` lists the dead letters.
        target (None | str | Unset): `sibling:risk` or `subscription:<id>`
        event_type (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageEventDeliveryPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            status=status,
            target=target,
            event_type=event_type,
        )
    ).parsed
