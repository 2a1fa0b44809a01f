from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.verification_create import VerificationCreate
from ...models.verification_public import VerificationPublic
from ...types import UNSET, Response, Unset


def _get_kwargs(
    release_id: UUID,
    *,
    body: VerificationCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/releases/{release_id}/verifications".format(
            release_id=quote(str(release_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VerificationPublic | None:
    if response.status_code == 201:
        response_201 = VerificationPublic.from_dict(response.json())

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
) -> Response[Problem | VerificationPublic]:
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
    body: VerificationCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | VerificationPublic]:
    """Create Verification

     Record a verification while the release is deploying or verifying (admin, pm, tpm, engineer, qa,
    ci). Linked criteria and items are checked with requirements-svc in one call: unknown ones, or ones
    of
    another project, are a 422 naming each; requirements-svc not answering is a 503; either way nothing
    is
    saved. The item of each linked criterion is added to `item_keys`. A `failed` result fails the linked
    criteria in requirements-svc (event `verification.recorded`), a `passed` one passes those pending.

    Args:
        release_id (UUID):
        idempotency_key (str | Unset):
        body (VerificationCreate): A verification run in production (线上试单). A `failed` one blocks
            marking the release released
            until it is re-run and updated to `passed`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationPublic]
    """

    kwargs = _get_kwargs(
        release_id=release_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    release_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VerificationCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | VerificationPublic | None:
    """Create Verification

     Record a verification while the release is deploying or verifying (admin, pm, tpm, engineer, qa,
    ci). Linked criteria and items are checked with requirements-svc in one call: unknown ones, or ones
    of
    another project, are a 422 naming each; requirements-svc not answering is a 503; either way nothing
    is
    saved. The item of each linked criterion is added to `item_keys`. A `failed` result fails the linked
    criteria in requirements-svc (event `verification.recorded`), a `passed` one passes those pending.

    Args:
        release_id (UUID):
        idempotency_key (str | Unset):
        body (VerificationCreate): A verification run in production (线上试单). A `failed` one blocks
            marking the release released
            until it is re-run and updated to `passed`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationPublic
    """

    return sync_detailed(
        release_id=release_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    release_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VerificationCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | VerificationPublic]:
    """Create Verification

     Record a verification while the release is deploying or verifying (admin, pm, tpm, engineer, qa,
    ci). Linked criteria and items are checked with requirements-svc in one call: unknown ones, or ones
    of
    another project, are a 422 naming each; requirements-svc not answering is a 503; either way nothing
    is
    saved. The item of each linked criterion is added to `item_keys`. A `failed` result fails the linked
    criteria in requirements-svc (event `verification.recorded`), a `passed` one passes those pending.

    Args:
        release_id (UUID):
        idempotency_key (str | Unset):
        body (VerificationCreate): A verification run in production (线上试单). A `failed` one blocks
            marking the release released
            until it is re-run and updated to `passed`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationPublic]
    """

    kwargs = _get_kwargs(
        release_id=release_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    release_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VerificationCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | VerificationPublic | None:
    """Create Verification

     Record a verification while the release is deploying or verifying (admin, pm, tpm, engineer, qa,
    ci). Linked criteria and items are checked with requirements-svc in one call: unknown ones, or ones
    of
    another project, are a 422 naming each; requirements-svc not answering is a 503; either way nothing
    is
    saved. The item of each linked criterion is added to `item_keys`. A `failed` result fails the linked
    criteria in requirements-svc (event `verification.recorded`), a `passed` one passes those pending.

    Args:
        release_id (UUID):
        idempotency_key (str | Unset):
        body (VerificationCreate): A verification run in production (线上试单). A `failed` one blocks
            marking the release released
            until it is re-run and updated to `passed`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationPublic
    """

    return (
        await asyncio_detailed(
            release_id=release_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
