import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.release_summary import ReleaseSummary
from ...types import UNSET, Response


def _get_kwargs(
    key: str,
    *,
    from_: datetime.date,
    to: datetime.date,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/projects/{key}/release-summary".format(
            key=quote(str(key), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReleaseSummary | None:
    if response.status_code == 200:
        response_200 = ReleaseSummary.from_dict(response.json())

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
) -> Response[Problem | ReleaseSummary]:
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
    from_: datetime.date,
    to: datetime.date,
) -> Response[Problem | ReleaseSummary]:
    """Get Release Summary

     Releases and their states, gate denials with reasons, rollouts in progress with percentage and
    operator,
    rollbacks, verifications and DORA over the period.

    Args:
        key (str):
        from_ (datetime.date): First UTC day of the period.
        to (datetime.date): Last UTC day of the period (included).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReleaseSummary]
    """

    kwargs = _get_kwargs(
        key=key,
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
    from_: datetime.date,
    to: datetime.date,
) -> Problem | ReleaseSummary | None:
    """Get Release Summary

     Releases and their states, gate denials with reasons, rollouts in progress with percentage and
    operator,
    rollbacks, verifications and DORA over the period.

    Args:
        key (str):
        from_ (datetime.date): First UTC day of the period.
        to (datetime.date): Last UTC day of the period (included).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReleaseSummary
    """

    return sync_detailed(
        key=key,
        client=client,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    key: str,
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
) -> Response[Problem | ReleaseSummary]:
    """Get Release Summary

     Releases and their states, gate denials with reasons, rollouts in progress with percentage and
    operator,
    rollbacks, verifications and DORA over the period.

    Args:
        key (str):
        from_ (datetime.date): First UTC day of the period.
        to (datetime.date): Last UTC day of the period (included).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReleaseSummary]
    """

    kwargs = _get_kwargs(
        key=key,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    key: str,
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
) -> Problem | ReleaseSummary | None:
    """Get Release Summary

     Releases and their states, gate denials with reasons, rollouts in progress with percentage and
    operator,
    rollbacks, verifications and DORA over the period.

    Args:
        key (str):
        from_ (datetime.date): First UTC day of the period.
        to (datetime.date): Last UTC day of the period (included).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReleaseSummary
    """

    return (
        await asyncio_detailed(
            key=key,
            client=client,
            from_=from_,
            to=to,
        )
    ).parsed
