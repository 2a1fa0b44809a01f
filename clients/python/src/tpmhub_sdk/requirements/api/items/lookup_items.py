from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.item_lookup_request import ItemLookupRequest
from ...models.item_lookup_response import ItemLookupResponse
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ItemLookupRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/items/lookup",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ItemLookupResponse | Problem | None:
    if response.status_code == 200:
        response_200 = ItemLookupResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[ItemLookupResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ItemLookupRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ItemLookupResponse | Problem]:
    """Lookup Items

     Status, type, points and acceptance summary of many items, and PRDs by id, in one call (for sibling
    services and any reader); keys and PRDs the caller may not read are reported as missing.

    Args:
        idempotency_key (str | Unset):
        body (ItemLookupRequest): Many items (status, type, points and acceptance summary) and
            PRDs in one call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ItemLookupResponse | Problem]
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
    body: ItemLookupRequest,
    idempotency_key: str | Unset = UNSET,
) -> ItemLookupResponse | Problem | None:
    """Lookup Items

     Status, type, points and acceptance summary of many items, and PRDs by id, in one call (for sibling
    services and any reader); keys and PRDs the caller may not read are reported as missing.

    Args:
        idempotency_key (str | Unset):
        body (ItemLookupRequest): Many items (status, type, points and acceptance summary) and
            PRDs in one call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ItemLookupResponse | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ItemLookupRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ItemLookupResponse | Problem]:
    """Lookup Items

     Status, type, points and acceptance summary of many items, and PRDs by id, in one call (for sibling
    services and any reader); keys and PRDs the caller may not read are reported as missing.

    Args:
        idempotency_key (str | Unset):
        body (ItemLookupRequest): Many items (status, type, points and acceptance summary) and
            PRDs in one call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ItemLookupResponse | Problem]
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
    body: ItemLookupRequest,
    idempotency_key: str | Unset = UNSET,
) -> ItemLookupResponse | Problem | None:
    """Lookup Items

     Status, type, points and acceptance summary of many items, and PRDs by id, in one call (for sibling
    services and any reader); keys and PRDs the caller may not read are reported as missing.

    Args:
        idempotency_key (str | Unset):
        body (ItemLookupRequest): Many items (status, type, points and acceptance summary) and
            PRDs in one call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ItemLookupResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
