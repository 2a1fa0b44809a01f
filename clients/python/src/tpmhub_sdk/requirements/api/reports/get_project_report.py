import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_project_report_format_type_0 import (
    GetProjectReportFormatType0,
)
from ...models.get_project_report_period import GetProjectReportPeriod
from ...models.problem import Problem
from ...models.report import Report
from ...types import UNSET, Response, Unset


def _get_kwargs(
    key: str,
    *,
    period: GetProjectReportPeriod | Unset = "day",
    date: datetime.date | None | Unset = UNSET,
    format_: GetProjectReportFormatType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_period: str | Unset = UNSET
    if not isinstance(period, Unset):
        json_period = period

    params["period"] = json_period

    json_date: None | str | Unset
    if isinstance(date, Unset):
        json_date = UNSET
    elif isinstance(date, datetime.date):
        json_date = date.isoformat()
    else:
        json_date = date
    params["date"] = json_date

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, str):
        json_format_ = format_
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/projects/{key}/reports".format(
            key=quote(str(key), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Report | None:
    if response.status_code == 200:
        response_200 = Report.from_dict(response.json())

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
) -> Response[Problem | Report]:
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
    period: GetProjectReportPeriod | Unset = "day",
    date: datetime.date | None | Unset = UNSET,
    format_: GetProjectReportFormatType0 | None | Unset = UNSET,
) -> Response[Problem | Report]:
    """Get Project Report

     The daily (日报) or weekly (周报) report: progress, requirements, risks and releases. risk-svc and
    release-svc are asked concurrently; one that does not answer in time leaves its section
    `available: false` with the reason, and the report is still 200.

    Args:
        key (str):
        period (GetProjectReportPeriod | Unset): A UTC day or an ISO week (Monday–Sunday).
            Default: 'day'.
        date (datetime.date | None | Unset): A day inside the period (YYYY-MM-DD); default today
            (UTC). Future periods are refused.
        format_ (GetProjectReportFormatType0 | None | Unset): json, markdown or html; default from
            Accept, else json.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Report]
    """

    kwargs = _get_kwargs(
        key=key,
        period=period,
        date=date,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    key: str,
    *,
    client: AuthenticatedClient,
    period: GetProjectReportPeriod | Unset = "day",
    date: datetime.date | None | Unset = UNSET,
    format_: GetProjectReportFormatType0 | None | Unset = UNSET,
) -> Problem | Report | None:
    """Get Project Report

     The daily (日报) or weekly (周报) report: progress, requirements, risks and releases. risk-svc and
    release-svc are asked concurrently; one that does not answer in time leaves its section
    `available: false` with the reason, and the report is still 200.

    Args:
        key (str):
        period (GetProjectReportPeriod | Unset): A UTC day or an ISO week (Monday–Sunday).
            Default: 'day'.
        date (datetime.date | None | Unset): A day inside the period (YYYY-MM-DD); default today
            (UTC). Future periods are refused.
        format_ (GetProjectReportFormatType0 | None | Unset): json, markdown or html; default from
            Accept, else json.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Report
    """

    return sync_detailed(
        key=key,
        client=client,
        period=period,
        date=date,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    key: str,
    *,
    client: AuthenticatedClient,
    period: GetProjectReportPeriod | Unset = "day",
    date: datetime.date | None | Unset = UNSET,
    format_: GetProjectReportFormatType0 | None | Unset = UNSET,
) -> Response[Problem | Report]:
    """Get Project Report

     The daily (日报) or weekly (周报) report: progress, requirements, risks and releases. risk-svc and
    release-svc are asked concurrently; one that does not answer in time leaves its section
    `available: false` with the reason, and the report is still 200.

    Args:
        key (str):
        period (GetProjectReportPeriod | Unset): A UTC day or an ISO week (Monday–Sunday).
            Default: 'day'.
        date (datetime.date | None | Unset): A day inside the period (YYYY-MM-DD); default today
            (UTC). Future periods are refused.
        format_ (GetProjectReportFormatType0 | None | Unset): json, markdown or html; default from
            Accept, else json.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Report]
    """

    kwargs = _get_kwargs(
        key=key,
        period=period,
        date=date,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    key: str,
    *,
    client: AuthenticatedClient,
    period: GetProjectReportPeriod | Unset = "day",
    date: datetime.date | None | Unset = UNSET,
    format_: GetProjectReportFormatType0 | None | Unset = UNSET,
) -> Problem | Report | None:
    """Get Project Report

     The daily (日报) or weekly (周报) report: progress, requirements, risks and releases. risk-svc and
    release-svc are asked concurrently; one that does not answer in time leaves its section
    `available: false` with the reason, and the report is still 200.

    Args:
        key (str):
        period (GetProjectReportPeriod | Unset): A UTC day or an ISO week (Monday–Sunday).
            Default: 'day'.
        date (datetime.date | None | Unset): A day inside the period (YYYY-MM-DD); default today
            (UTC). Future periods are refused.
        format_ (GetProjectReportFormatType0 | None | Unset): json, markdown or html; default from
            Accept, else json.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Report
    """

    return (
        await asyncio_detailed(
            key=key,
            client=client,
            period=period,
            date=date,
            format_=format_,
        )
    ).parsed
