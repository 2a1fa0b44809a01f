from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.risk_impact_query import RiskImpactQuery
from ...models.risk_impact_result import RiskImpactResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: RiskImpactQuery,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/risks/impact-query",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RiskImpactResult | None:
    if response.status_code == 200:
        response_200 = RiskImpactResult.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | RiskImpactResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RiskImpactQuery,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RiskImpactResult]:
    """Query Risk Impact

     Read-only, for change-request impact (service tokens and project readers): the risks (not closed)
    linked to any of the items, and the requirement_change risk that approving the change creates,
    scored
    by the same rule as the approval's handler (`existing_key` once it exists).

    Args:
        idempotency_key (str | Unset):
        body (RiskImpactQuery): Risks a change to these items touches, and the requirement_change
            risk its approval would create
            (read-only). The numbers are those of the change's impact (the `change_request.approved`
            data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RiskImpactResult]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: RiskImpactQuery,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RiskImpactResult | None:
    """Query Risk Impact

     Read-only, for change-request impact (service tokens and project readers): the risks (not closed)
    linked to any of the items, and the requirement_change risk that approving the change creates,
    scored
    by the same rule as the approval's handler (`existing_key` once it exists).

    Args:
        idempotency_key (str | Unset):
        body (RiskImpactQuery): Risks a change to these items touches, and the requirement_change
            risk its approval would create
            (read-only). The numbers are those of the change's impact (the `change_request.approved`
            data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RiskImpactResult
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RiskImpactQuery,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RiskImpactResult]:
    """Query Risk Impact

     Read-only, for change-request impact (service tokens and project readers): the risks (not closed)
    linked to any of the items, and the requirement_change risk that approving the change creates,
    scored
    by the same rule as the approval's handler (`existing_key` once it exists).

    Args:
        idempotency_key (str | Unset):
        body (RiskImpactQuery): Risks a change to these items touches, and the requirement_change
            risk its approval would create
            (read-only). The numbers are those of the change's impact (the `change_request.approved`
            data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RiskImpactResult]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RiskImpactQuery,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RiskImpactResult | None:
    """Query Risk Impact

     Read-only, for change-request impact (service tokens and project readers): the risks (not closed)
    linked to any of the items, and the requirement_change risk that approving the change creates,
    scored
    by the same rule as the approval's handler (`existing_key` once it exists).

    Args:
        idempotency_key (str | Unset):
        body (RiskImpactQuery): Risks a change to these items touches, and the requirement_change
            risk its approval would create
            (read-only). The numbers are those of the change's impact (the `change_request.approved`
            data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RiskImpactResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
