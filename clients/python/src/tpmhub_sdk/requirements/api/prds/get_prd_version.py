from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.version_public import VersionPublic
from ...types import Response


def _get_kwargs(
    doc_id: UUID,
    number: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/prds/{doc_id}/versions/{number}".format(
            doc_id=quote(str(doc_id), safe=""),
            number=quote(str(number), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VersionPublic | None:
    if response.status_code == 200:
        response_200 = VersionPublic.from_dict(response.json())

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
) -> Response[Problem | VersionPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    doc_id: UUID,
    number: int,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | VersionPublic]:
    """Get Prd Version

     One approved version exactly as frozen.

    Args:
        doc_id (UUID):
        number (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VersionPublic]
    """

    kwargs = _get_kwargs(
        doc_id=doc_id,
        number=number,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    doc_id: UUID,
    number: int,
    *,
    client: AuthenticatedClient,
) -> Problem | VersionPublic | None:
    """Get Prd Version

     One approved version exactly as frozen.

    Args:
        doc_id (UUID):
        number (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VersionPublic
    """

    return sync_detailed(
        doc_id=doc_id,
        number=number,
        client=client,
    ).parsed


async def asyncio_detailed(
    doc_id: UUID,
    number: int,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | VersionPublic]:
    """Get Prd Version

     One approved version exactly as frozen.

    Args:
        doc_id (UUID):
        number (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VersionPublic]
    """

    kwargs = _get_kwargs(
        doc_id=doc_id,
        number=number,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    doc_id: UUID,
    number: int,
    *,
    client: AuthenticatedClient,
) -> Problem | VersionPublic | None:
    """Get Prd Version

     One approved version exactly as frozen.

    Args:
        doc_id (UUID):
        number (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VersionPublic
    """

    return (
        await asyncio_detailed(
            doc_id=doc_id,
            number=number,
            client=client,
        )
    ).parsed
