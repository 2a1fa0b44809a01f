import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dora_metrics import DoraMetrics
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    key: str,
    *,
    environment: str | Unset = "production",
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["environment"] = environment

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.datetime):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.datetime):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/projects/{key}/dora".format(
            key=quote(str(key), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DoraMetrics | Problem | None:
    if response.status_code == 200:
        response_200 = DoraMetrics.from_dict(response.json())

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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DoraMetrics | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    key: str,
    *,
    client: AuthenticatedClient,
    environment: str | Unset = "production",
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
) -> Response[DoraMetrics | Problem]:
    """Get Dora Metrics

     Deployment frequency, lead time for changes, change failure rate and time to restore for one
    project and environment over a window (at most 366 days).

    Args:
        key (str):
        environment (str | Unset):  Default: 'production'.
        from_ (datetime.datetime | None | Unset): Window start (default: 30 days before `to`).
        to (datetime.datetime | None | Unset): Window end (default: now).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DoraMetrics | Problem]
    """

    kwargs = _get_kwargs(
        key=key,
        environment=environment,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    key: str,
    *,
    client: AuthenticatedClient,
    environment: str | Unset = "production",
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
) -> DoraMetrics | Problem | None:
    """Get Dora Metrics

     Deployment frequency, lead time for changes, change failure rate and time to restore for one
    project and environment over a window (at most 366 days).

    Args:
        key (str):
        environment (str | Unset):  Default: 'production'.
        from_ (datetime.datetime | None | Unset): Window start (default: 30 days before `to`).
        to (datetime.datetime | None | Unset): Window end (default: now).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DoraMetrics | Problem
    """

    return sync_detailed(
        key=key,
        client=client,
        environment=environment,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    key: str,
    *,
    client: AuthenticatedClient,
    environment: str | Unset = "production",
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
) -> Response[DoraMetrics | Problem]:
    """Get Dora Metrics

     Deployment frequency, lead time for changes, change failure rate and time to restore for one
    project and environment over a window (at most 366 days).

    Args:
        key (str):
        environment (str | Unset):  Default: 'production'.
        from_ (datetime.datetime | None | Unset): Window start (default: 30 days before `to`).
        to (datetime.datetime | None | Unset): Window end (default: now).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DoraMetrics | Problem]
    """

    kwargs = _get_kwargs(
        key=key,
        environment=environment,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    key: str,
    *,
    client: AuthenticatedClient,
    environment: str | Unset = "production",
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
) -> DoraMetrics | Problem | None:
    """Get Dora Metrics

     Deployment frequency, lead time for changes, change failure rate and time to restore for one
    project and environment over a window (at most 366 days).

    Args:
        key (str):
        environment (str | Unset):  Default: 'production'.
        from_ (datetime.datetime | None | Unset): Window start (default: 30 days before `to`).
        to (datetime.datetime | None | Unset): Window end (default: now).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DoraMetrics | Problem
    """

    return (
        await asyncio_detailed(
            key=key,
            client=client,
            environment=environment,
            from_=from_,
            to=to,
        )
    ).parsed
