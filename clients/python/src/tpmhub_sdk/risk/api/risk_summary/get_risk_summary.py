import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.risk_summary import RiskSummary
from ...types import UNSET, Response, Unset


def _get_kwargs(
    key: str,
    *,
    from_: datetime.date,
    to: datetime.date,
    trend_from: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    json_trend_from: None | str | Unset
    if isinstance(trend_from, Unset):
        json_trend_from = UNSET
    elif isinstance(trend_from, datetime.date):
        json_trend_from = trend_from.isoformat()
    else:
        json_trend_from = trend_from
    params["trend_from"] = json_trend_from

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/projects/{key}/risk-summary".format(
            key=quote(str(key), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RiskSummary | None:
    if response.status_code == 200:
        response_200 = RiskSummary.from_dict(response.json())

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
) -> Response[Problem | RiskSummary]:
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
    trend_from: datetime.date | None | Unset = UNSET,
) -> Response[Problem | RiskSummary]:
    """Get Risk Summary

     New, escalated and closed risks in the period; open exposure per day; the top 5 by exposure; overdue
    reviews and actions; the heatmap; open critical risks and unresolved escalations with their age.

    Args:
        key (str):
        from_ (datetime.date): First UTC day of the period.
        to (datetime.date): Last UTC day of the period (included).
        trend_from (datetime.date | None | Unset): First day of the exposure series; default
            `from`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RiskSummary]
    """

    kwargs = _get_kwargs(
        key=key,
        from_=from_,
        to=to,
        trend_from=trend_from,
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
    trend_from: datetime.date | None | Unset = UNSET,
) -> Problem | RiskSummary | None:
    """Get Risk Summary

     New, escalated and closed risks in the period; open exposure per day; the top 5 by exposure; overdue
    reviews and actions; the heatmap; open critical risks and unresolved escalations with their age.

    Args:
        key (str):
        from_ (datetime.date): First UTC day of the period.
        to (datetime.date): Last UTC day of the period (included).
        trend_from (datetime.date | None | Unset): First day of the exposure series; default
            `from`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RiskSummary
    """

    return sync_detailed(
        key=key,
        client=client,
        from_=from_,
        to=to,
        trend_from=trend_from,
    ).parsed


async def asyncio_detailed(
    key: str,
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    trend_from: datetime.date | None | Unset = UNSET,
) -> Response[Problem | RiskSummary]:
    """Get Risk Summary

     New, escalated and closed risks in the period; open exposure per day; the top 5 by exposure; overdue
    reviews and actions; the heatmap; open critical risks and unresolved escalations with their age.

    Args:
        key (str):
        from_ (datetime.date): First UTC day of the period.
        to (datetime.date): Last UTC day of the period (included).
        trend_from (datetime.date | None | Unset): First day of the exposure series; default
            `from`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RiskSummary]
    """

    kwargs = _get_kwargs(
        key=key,
        from_=from_,
        to=to,
        trend_from=trend_from,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    key: str,
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    trend_from: datetime.date | None | Unset = UNSET,
) -> Problem | RiskSummary | None:
    """Get Risk Summary

     New, escalated and closed risks in the period; open exposure per day; the top 5 by exposure; overdue
    reviews and actions; the heatmap; open critical risks and unresolved escalations with their age.

    Args:
        key (str):
        from_ (datetime.date): First UTC day of the period.
        to (datetime.date): Last UTC day of the period (included).
        trend_from (datetime.date | None | Unset): First day of the exposure series; default
            `from`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RiskSummary
    """

    return (
        await asyncio_detailed(
            key=key,
            client=client,
            from_=from_,
            to=to,
            trend_from=trend_from,
        )
    ).parsed
