import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.exposure_trend import ExposureTrend
from ...models.get_risk_exposure_interval import GetRiskExposureInterval
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    key: str,
    *,
    from_: datetime.date,
    to: datetime.date,
    interval: GetRiskExposureInterval | Unset = "day",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    json_interval: str | Unset = UNSET
    if not isinstance(interval, Unset):
        json_interval = interval

    params["interval"] = json_interval

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/projects/{key}/risk-exposure".format(
            key=quote(str(key), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ExposureTrend | Problem | None:
    if response.status_code == 200:
        response_200 = ExposureTrend.from_dict(response.json())

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
) -> Response[ExposureTrend | Problem]:
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
    interval: GetRiskExposureInterval | Unset = "day",
) -> Response[ExposureTrend | Problem]:
    """Get Risk Exposure

     The risk burndown: open exposure at the end of each day or ISO week of the range.

    Args:
        key (str):
        from_ (datetime.date):
        to (datetime.date):
        interval (GetRiskExposureInterval | Unset):  Default: 'day'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExposureTrend | Problem]
    """

    kwargs = _get_kwargs(
        key=key,
        from_=from_,
        to=to,
        interval=interval,
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
    interval: GetRiskExposureInterval | Unset = "day",
) -> ExposureTrend | Problem | None:
    """Get Risk Exposure

     The risk burndown: open exposure at the end of each day or ISO week of the range.

    Args:
        key (str):
        from_ (datetime.date):
        to (datetime.date):
        interval (GetRiskExposureInterval | Unset):  Default: 'day'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExposureTrend | Problem
    """

    return sync_detailed(
        key=key,
        client=client,
        from_=from_,
        to=to,
        interval=interval,
    ).parsed


async def asyncio_detailed(
    key: str,
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    interval: GetRiskExposureInterval | Unset = "day",
) -> Response[ExposureTrend | Problem]:
    """Get Risk Exposure

     The risk burndown: open exposure at the end of each day or ISO week of the range.

    Args:
        key (str):
        from_ (datetime.date):
        to (datetime.date):
        interval (GetRiskExposureInterval | Unset):  Default: 'day'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExposureTrend | Problem]
    """

    kwargs = _get_kwargs(
        key=key,
        from_=from_,
        to=to,
        interval=interval,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    key: str,
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    interval: GetRiskExposureInterval | Unset = "day",
) -> ExposureTrend | Problem | None:
    """Get Risk Exposure

     The risk burndown: open exposure at the end of each day or ISO week of the range.

    Args:
        key (str):
        from_ (datetime.date):
        to (datetime.date):
        interval (GetRiskExposureInterval | Unset):  Default: 'day'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExposureTrend | Problem
    """

    return (
        await asyncio_detailed(
            key=key,
            client=client,
            from_=from_,
            to=to,
            interval=interval,
        )
    ).parsed
