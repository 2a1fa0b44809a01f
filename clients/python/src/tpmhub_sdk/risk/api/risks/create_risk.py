from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.risk_create import RiskCreate
from ...models.risk_public import RiskPublic
from ...types import UNSET, Response, Unset


def _get_kwargs(
    key: str,
    *,
    body: RiskCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/projects/{key}/risks".format(
            key=quote(str(key), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RiskPublic | None:
    if response.status_code == 201:
        response_201 = RiskPublic.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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
) -> Response[Problem | RiskPublic]:
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
    body: RiskCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RiskPublic]:
    """Create Risk

     Identify a risk (any contributor). Its key (`PAY-R7`), score, level, EMV and first review date are
    computed; links are checked first — items and PRDs with requirements-svc in one call, releases with
    release-svc (422 naming unknown ones, 503 if either does not answer — nothing is written either
    way).

    Args:
        key (str):
        idempotency_key (str | Unset):
        body (RiskCreate): A newly identified risk. Score, level, EMV and the first review date
            are computed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RiskPublic]
    """

    kwargs = _get_kwargs(
        key=key,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    key: str,
    *,
    client: AuthenticatedClient,
    body: RiskCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RiskPublic | None:
    """Create Risk

     Identify a risk (any contributor). Its key (`PAY-R7`), score, level, EMV and first review date are
    computed; links are checked first — items and PRDs with requirements-svc in one call, releases with
    release-svc (422 naming unknown ones, 503 if either does not answer — nothing is written either
    way).

    Args:
        key (str):
        idempotency_key (str | Unset):
        body (RiskCreate): A newly identified risk. Score, level, EMV and the first review date
            are computed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RiskPublic
    """

    return sync_detailed(
        key=key,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    key: str,
    *,
    client: AuthenticatedClient,
    body: RiskCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RiskPublic]:
    """Create Risk

     Identify a risk (any contributor). Its key (`PAY-R7`), score, level, EMV and first review date are
    computed; links are checked first — items and PRDs with requirements-svc in one call, releases with
    release-svc (422 naming unknown ones, 503 if either does not answer — nothing is written either
    way).

    Args:
        key (str):
        idempotency_key (str | Unset):
        body (RiskCreate): A newly identified risk. Score, level, EMV and the first review date
            are computed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RiskPublic]
    """

    kwargs = _get_kwargs(
        key=key,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    key: str,
    *,
    client: AuthenticatedClient,
    body: RiskCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RiskPublic | None:
    """Create Risk

     Identify a risk (any contributor). Its key (`PAY-R7`), score, level, EMV and first review date are
    computed; links are checked first — items and PRDs with requirements-svc in one call, releases with
    release-svc (422 naming unknown ones, 503 if either does not answer — nothing is written either
    way).

    Args:
        key (str):
        idempotency_key (str | Unset):
        body (RiskCreate): A newly identified risk. Score, level, EMV and the first review date
            are computed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RiskPublic
    """

    return (
        await asyncio_detailed(
            key=key,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
