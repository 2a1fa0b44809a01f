from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.item_holders_query import ItemHoldersQuery
from ...models.problem import Problem
from ...models.risks_linked_to_items import RisksLinkedToItems
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ItemHoldersQuery,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/risks/link-query",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RisksLinkedToItems | None:
    if response.status_code == 200:
        response_200 = RisksLinkedToItems.from_dict(response.json())

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
) -> Response[Problem | RisksLinkedToItems]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ItemHoldersQuery,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RisksLinkedToItems]:
    """Query Risk Links

     Risks of the project (open or closed) linked to any of the items (for requirements-svc before it
    deletes an item; service tokens and project readers). Read-only.

    Args:
        idempotency_key (str | Unset):
        body (ItemHoldersQuery): Which risks (risk-svc `POST /v1/risks/link-query`) are linked to
            any of these items of one project
            (the releases holding them come from release-svc's `POST /v1/releases/scope-query`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RisksLinkedToItems]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ItemHoldersQuery,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RisksLinkedToItems | None:
    """Query Risk Links

     Risks of the project (open or closed) linked to any of the items (for requirements-svc before it
    deletes an item; service tokens and project readers). Read-only.

    Args:
        idempotency_key (str | Unset):
        body (ItemHoldersQuery): Which risks (risk-svc `POST /v1/risks/link-query`) are linked to
            any of these items of one project
            (the releases holding them come from release-svc's `POST /v1/releases/scope-query`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RisksLinkedToItems
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ItemHoldersQuery,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RisksLinkedToItems]:
    """Query Risk Links

     Risks of the project (open or closed) linked to any of the items (for requirements-svc before it
    deletes an item; service tokens and project readers). Read-only.

    Args:
        idempotency_key (str | Unset):
        body (ItemHoldersQuery): Which risks (risk-svc `POST /v1/risks/link-query`) are linked to
            any of these items of one project
            (the releases holding them come from release-svc's `POST /v1/releases/scope-query`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RisksLinkedToItems]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ItemHoldersQuery,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RisksLinkedToItems | None:
    """Query Risk Links

     Risks of the project (open or closed) linked to any of the items (for requirements-svc before it
    deletes an item; service tokens and project readers). Read-only.

    Args:
        idempotency_key (str | Unset):
        body (ItemHoldersQuery): Which risks (risk-svc `POST /v1/risks/link-query`) are linked to
            any of these items of one project
            (the releases holding them come from release-svc's `POST /v1/releases/scope-query`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RisksLinkedToItems
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
