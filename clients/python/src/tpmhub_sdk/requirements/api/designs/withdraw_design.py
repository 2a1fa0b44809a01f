from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.document_public import DocumentPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    doc_id: UUID,
    *,
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
        "url": "/v1/designs/{doc_id}/withdraw".format(
            doc_id=quote(str(doc_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DocumentPublic | Problem | None:
    if response.status_code == 200:
        response_200 = DocumentPublic.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DocumentPublic | Problem]:
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
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[DocumentPublic | Problem]:
    """Withdraw Design

     Take a design out of review back to draft (pm, tpm or admin).

    Args:
        doc_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentPublic | Problem]
    """

    kwargs = _get_kwargs(
        doc_id=doc_id,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    doc_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> DocumentPublic | Problem | None:
    """Withdraw Design

     Take a design out of review back to draft (pm, tpm or admin).

    Args:
        doc_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentPublic | Problem
    """

    return sync_detailed(
        doc_id=doc_id,
        client=client,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    doc_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[DocumentPublic | Problem]:
    """Withdraw Design

     Take a design out of review back to draft (pm, tpm or admin).

    Args:
        doc_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentPublic | Problem]
    """

    kwargs = _get_kwargs(
        doc_id=doc_id,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    doc_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> DocumentPublic | Problem | None:
    """Withdraw Design

     Take a design out of review back to draft (pm, tpm or admin).

    Args:
        doc_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentPublic | Problem
    """

    return (
        await asyncio_detailed(
            doc_id=doc_id,
            client=client,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
