from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.section_ref import SectionRef
from ...types import Response


def _get_kwargs(
    section_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/sections/{section_id}".format(
            section_id=quote(str(section_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SectionRef | None:
    if response.status_code == 200:
        response_200 = SectionRef.from_dict(response.json())

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
) -> Response[Problem | SectionRef]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    section_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | SectionRef]:
    """Get Section

     Resolve a section's stable id (as stored in an item's `prd_section_id`) to its current text and
    document.

    Args:
        section_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SectionRef]
    """

    kwargs = _get_kwargs(
        section_id=section_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    section_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | SectionRef | None:
    """Get Section

     Resolve a section's stable id (as stored in an item's `prd_section_id`) to its current text and
    document.

    Args:
        section_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SectionRef
    """

    return sync_detailed(
        section_id=section_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    section_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | SectionRef]:
    """Get Section

     Resolve a section's stable id (as stored in an item's `prd_section_id`) to its current text and
    document.

    Args:
        section_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SectionRef]
    """

    kwargs = _get_kwargs(
        section_id=section_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    section_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | SectionRef | None:
    """Get Section

     Resolve a section's stable id (as stored in an item's `prd_section_id`) to its current text and
    document.

    Args:
        section_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SectionRef
    """

    return (
        await asyncio_detailed(
            section_id=section_id,
            client=client,
        )
    ).parsed
