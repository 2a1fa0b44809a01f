from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.document_diff import DocumentDiff
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    doc_id: UUID,
    *,
    from_: int,
    to: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from"] = from_

    json_to: int | None | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    else:
        json_to = to
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/designs/{doc_id}/diff".format(
            doc_id=quote(str(doc_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DocumentDiff | Problem | None:
    if response.status_code == 200:
        response_200 = DocumentDiff.from_dict(response.json())

        return response_200

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
) -> Response[DocumentDiff | Problem]:
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
    from_: int,
    to: int | None | Unset = UNSET,
) -> Response[DocumentDiff | Problem]:
    """Diff Design Versions

     Section-by-section diff from version `from` to version `to` (or to the working copy).

    Args:
        doc_id (UUID):
        from_ (int): An approved version.
        to (int | None | Unset): An approved version; omit for the current working copy.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentDiff | Problem]
    """

    kwargs = _get_kwargs(
        doc_id=doc_id,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    doc_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: int,
    to: int | None | Unset = UNSET,
) -> DocumentDiff | Problem | None:
    """Diff Design Versions

     Section-by-section diff from version `from` to version `to` (or to the working copy).

    Args:
        doc_id (UUID):
        from_ (int): An approved version.
        to (int | None | Unset): An approved version; omit for the current working copy.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentDiff | Problem
    """

    return sync_detailed(
        doc_id=doc_id,
        client=client,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    doc_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: int,
    to: int | None | Unset = UNSET,
) -> Response[DocumentDiff | Problem]:
    """Diff Design Versions

     Section-by-section diff from version `from` to version `to` (or to the working copy).

    Args:
        doc_id (UUID):
        from_ (int): An approved version.
        to (int | None | Unset): An approved version; omit for the current working copy.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentDiff | Problem]
    """

    kwargs = _get_kwargs(
        doc_id=doc_id,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    doc_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: int,
    to: int | None | Unset = UNSET,
) -> DocumentDiff | Problem | None:
    """Diff Design Versions

     Section-by-section diff from version `from` to version `to` (or to the working copy).

    Args:
        doc_id (UUID):
        from_ (int): An approved version.
        to (int | None | Unset): An approved version; omit for the current working copy.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentDiff | Problem
    """

    return (
        await asyncio_detailed(
            doc_id=doc_id,
            client=client,
            from_=from_,
            to=to,
        )
    ).parsed
