from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.risk_matrix_in import RiskMatrixIn
from ...models.risk_matrix_public import RiskMatrixPublic
from ...types import UNSET, Response, Unset


def _get_kwargs(
    key: str,
    *,
    body: RiskMatrixIn,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/projects/{key}/risk-matrix".format(
            key=quote(str(key), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RiskMatrixPublic | None:
    if response.status_code == 200:
        response_200 = RiskMatrixPublic.from_dict(response.json())

        return response_200

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
) -> Response[Problem | RiskMatrixPublic]:
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
    body: RiskMatrixIn,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | RiskMatrixPublic]:
    """Put Risk Matrix

     Replace the matrix (admin, pm, tpm).

    Args:
        key (str):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (RiskMatrixIn): The whole matrix (PUT replaces it). Thresholds must cover scores 1–25
            with no gap or overlap,
            in level order.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RiskMatrixPublic]
    """

    kwargs = _get_kwargs(
        key=key,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    key: str,
    *,
    client: AuthenticatedClient,
    body: RiskMatrixIn,
    if_match: None | str | Unset = UNSET,
) -> Problem | RiskMatrixPublic | None:
    """Put Risk Matrix

     Replace the matrix (admin, pm, tpm).

    Args:
        key (str):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (RiskMatrixIn): The whole matrix (PUT replaces it). Thresholds must cover scores 1–25
            with no gap or overlap,
            in level order.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RiskMatrixPublic
    """

    return sync_detailed(
        key=key,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    key: str,
    *,
    client: AuthenticatedClient,
    body: RiskMatrixIn,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | RiskMatrixPublic]:
    """Put Risk Matrix

     Replace the matrix (admin, pm, tpm).

    Args:
        key (str):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (RiskMatrixIn): The whole matrix (PUT replaces it). Thresholds must cover scores 1–25
            with no gap or overlap,
            in level order.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RiskMatrixPublic]
    """

    kwargs = _get_kwargs(
        key=key,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    key: str,
    *,
    client: AuthenticatedClient,
    body: RiskMatrixIn,
    if_match: None | str | Unset = UNSET,
) -> Problem | RiskMatrixPublic | None:
    """Put Risk Matrix

     Replace the matrix (admin, pm, tpm).

    Args:
        key (str):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (RiskMatrixIn): The whole matrix (PUT replaces it). Thresholds must cover scores 1–25
            with no gap or overlap,
            in level order.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RiskMatrixPublic
    """

    return (
        await asyncio_detailed(
            key=key,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
