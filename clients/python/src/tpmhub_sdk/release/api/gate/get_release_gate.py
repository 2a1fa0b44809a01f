from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.gate_result import GateResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    release_id: UUID,
    *,
    environment: str | Unset = "production",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["environment"] = environment

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/releases/{release_id}/gate".format(
            release_id=quote(str(release_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GateResult | Problem | None:
    if response.status_code == 200:
        response_200 = GateResult.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[GateResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    release_id: UUID,
    *,
    client: AuthenticatedClient,
    environment: str | Unset = "production",
) -> Response[GateResult | Problem]:
    """Get Release Gate

     May this release deploy to `environment` now? Always 200 with `allowed` and every check (state,
    approvals, checklist, freeze, scope, risks, rollout) with its reason and offending ids.
    requirements-svc
    and risk-svc are asked concurrently; one that fails or does not answer within the sibling timeout
    fails
    its check. Every answer is recorded (see `list_gate_decisions`). Anyone with a role on the project
    (including `ci`) may ask.

    Args:
        release_id (UUID):
        environment (str | Unset): Where the pipeline wants to deploy: one of the project's
            environments or an alias (`prod` means `production`); anything else is 422 listing the
            allowed names. Default: 'production'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GateResult | Problem]
    """

    kwargs = _get_kwargs(
        release_id=release_id,
        environment=environment,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    release_id: UUID,
    *,
    client: AuthenticatedClient,
    environment: str | Unset = "production",
) -> GateResult | Problem | None:
    """Get Release Gate

     May this release deploy to `environment` now? Always 200 with `allowed` and every check (state,
    approvals, checklist, freeze, scope, risks, rollout) with its reason and offending ids.
    requirements-svc
    and risk-svc are asked concurrently; one that fails or does not answer within the sibling timeout
    fails
    its check. Every answer is recorded (see `list_gate_decisions`). Anyone with a role on the project
    (including `ci`) may ask.

    Args:
        release_id (UUID):
        environment (str | Unset): Where the pipeline wants to deploy: one of the project's
            environments or an alias (`prod` means `production`); anything else is 422 listing the
            allowed names. Default: 'production'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GateResult | Problem
    """

    return sync_detailed(
        release_id=release_id,
        client=client,
        environment=environment,
    ).parsed


async def asyncio_detailed(
    release_id: UUID,
    *,
    client: AuthenticatedClient,
    environment: str | Unset = "production",
) -> Response[GateResult | Problem]:
    """Get Release Gate

     May this release deploy to `environment` now? Always 200 with `allowed` and every check (state,
    approvals, checklist, freeze, scope, risks, rollout) with its reason and offending ids.
    requirements-svc
    and risk-svc are asked concurrently; one that fails or does not answer within the sibling timeout
    fails
    its check. Every answer is recorded (see `list_gate_decisions`). Anyone with a role on the project
    (including `ci`) may ask.

    Args:
        release_id (UUID):
        environment (str | Unset): Where the pipeline wants to deploy: one of the project's
            environments or an alias (`prod` means `production`); anything else is 422 listing the
            allowed names. Default: 'production'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GateResult | Problem]
    """

    kwargs = _get_kwargs(
        release_id=release_id,
        environment=environment,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    release_id: UUID,
    *,
    client: AuthenticatedClient,
    environment: str | Unset = "production",
) -> GateResult | Problem | None:
    """Get Release Gate

     May this release deploy to `environment` now? Always 200 with `allowed` and every check (state,
    approvals, checklist, freeze, scope, risks, rollout) with its reason and offending ids.
    requirements-svc
    and risk-svc are asked concurrently; one that fails or does not answer within the sibling timeout
    fails
    its check. Every answer is recorded (see `list_gate_decisions`). Anyone with a role on the project
    (including `ci`) may ask.

    Args:
        release_id (UUID):
        environment (str | Unset): Where the pipeline wants to deploy: one of the project's
            environments or an alias (`prod` means `production`); anything else is 422 listing the
            allowed names. Default: 'production'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GateResult | Problem
    """

    return (
        await asyncio_detailed(
            release_id=release_id,
            client=client,
            environment=environment,
        )
    ).parsed
