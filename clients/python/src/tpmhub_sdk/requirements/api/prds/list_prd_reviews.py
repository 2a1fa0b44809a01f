from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_review_public import PageReviewPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    doc_id: UUID,
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/prds/{doc_id}/reviews".format(
            doc_id=quote(str(doc_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageReviewPublic | Problem | None:
    if response.status_code == 200:
        response_200 = PageReviewPublic.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageReviewPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    doc_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageReviewPublic | Problem]:
    """List Prd Reviews

     Every reviewer assignment and decision of every round, oldest round first.

    Args:
        doc_id (UUID):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReviewPublic | Problem]
    """

    kwargs = _get_kwargs(
        doc_id=doc_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    doc_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageReviewPublic | Problem | None:
    """List Prd Reviews

     Every reviewer assignment and decision of every round, oldest round first.

    Args:
        doc_id (UUID):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReviewPublic | Problem
    """

    return sync_detailed(
        doc_id=doc_id,
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    doc_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageReviewPublic | Problem]:
    """List Prd Reviews

     Every reviewer assignment and decision of every round, oldest round first.

    Args:
        doc_id (UUID):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReviewPublic | Problem]
    """

    kwargs = _get_kwargs(
        doc_id=doc_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    doc_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageReviewPublic | Problem | None:
    """List Prd Reviews

     Every reviewer assignment and decision of every round, oldest round first.

    Args:
        doc_id (UUID):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReviewPublic | Problem
    """

    return (
        await asyncio_detailed(
            doc_id=doc_id,
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
