from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_portfolio_item import PagePortfolioItem
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: str | Unset = "running,paused",
    project: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["status"] = status

    json_project: None | str | Unset
    if isinstance(project, Unset):
        json_project = UNSET
    else:
        json_project = project
    params["project"] = json_project

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/rollouts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PagePortfolioItem | Problem | None:
    if response.status_code == 200:
        response_200 = PagePortfolioItem.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PagePortfolioItem | Problem]:
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
    status: str | Unset = "running,paused",
    project: None | str | Unset = UNSET,
) -> Response[PagePortfolioItem | Problem]:
    """List Portfolio Rollouts

     The portfolio: every rollout in the given states across the projects the caller can read, oldest
    first, with the current stage, operator, hold left, guardrail outcome and next scheduled action.

    Args:
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        status (str | Unset): Comma-separated states (default `running,paused`). Default:
            'running,paused'.
        project (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePortfolioItem | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        status=status,
        project=project,
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
    status: str | Unset = "running,paused",
    project: None | str | Unset = UNSET,
) -> PagePortfolioItem | Problem | None:
    """List Portfolio Rollouts

     The portfolio: every rollout in the given states across the projects the caller can read, oldest
    first, with the current stage, operator, hold left, guardrail outcome and next scheduled action.

    Args:
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        status (str | Unset): Comma-separated states (default `running,paused`). Default:
            'running,paused'.
        project (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePortfolioItem | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        status=status,
        project=project,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: str | Unset = "running,paused",
    project: None | str | Unset = UNSET,
) -> Response[PagePortfolioItem | Problem]:
    """List Portfolio Rollouts

     The portfolio: every rollout in the given states across the projects the caller can read, oldest
    first, with the current stage, operator, hold left, guardrail outcome and next scheduled action.

    Args:
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        status (str | Unset): Comma-separated states (default `running,paused`). Default:
            'running,paused'.
        project (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePortfolioItem | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        status=status,
        project=project,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: str | Unset = "running,paused",
    project: None | str | Unset = UNSET,
) -> PagePortfolioItem | Problem | None:
    """List Portfolio Rollouts

     The portfolio: every rollout in the given states across the projects the caller can read, oldest
    first, with the current stage, operator, hold left, guardrail outcome and next scheduled action.

    Args:
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        status (str | Unset): Comma-separated states (default `running,paused`). Default:
            'running,paused'.
        project (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePortfolioItem | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            status=status,
            project=project,
        )
    ).parsed
