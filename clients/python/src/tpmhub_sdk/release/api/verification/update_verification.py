from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.verification_public import VerificationPublic
from ...models.verification_update import VerificationUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    verification_id: UUID,
    *,
    body: VerificationUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/verifications/{verification_id}".format(
            verification_id=quote(str(verification_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VerificationPublic | None:
    if response.status_code == 200:
        response_200 = VerificationPublic.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[Problem | VerificationPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    verification_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VerificationUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | VerificationPublic]:
    """Update Verification

     Record a re-run of the scenario (merge patch, `If-Match`). Changed links are checked as on create;
    the new result reaches the linked criteria as on create.

    Args:
        verification_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (VerificationUpdate): Record a re-run (merge patch).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationPublic]
    """

    kwargs = _get_kwargs(
        verification_id=verification_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    verification_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VerificationUpdate,
    if_match: None | str | Unset = UNSET,
) -> Problem | VerificationPublic | None:
    """Update Verification

     Record a re-run of the scenario (merge patch, `If-Match`). Changed links are checked as on create;
    the new result reaches the linked criteria as on create.

    Args:
        verification_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (VerificationUpdate): Record a re-run (merge patch).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationPublic
    """

    return sync_detailed(
        verification_id=verification_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    verification_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VerificationUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | VerificationPublic]:
    """Update Verification

     Record a re-run of the scenario (merge patch, `If-Match`). Changed links are checked as on create;
    the new result reaches the linked criteria as on create.

    Args:
        verification_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (VerificationUpdate): Record a re-run (merge patch).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationPublic]
    """

    kwargs = _get_kwargs(
        verification_id=verification_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    verification_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VerificationUpdate,
    if_match: None | str | Unset = UNSET,
) -> Problem | VerificationPublic | None:
    """Update Verification

     Record a re-run of the scenario (merge patch, `If-Match`). Changed links are checked as on create;
    the new result reaches the linked criteria as on create.

    Args:
        verification_id (UUID):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (VerificationUpdate): Record a re-run (merge patch).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationPublic
    """

    return (
        await asyncio_detailed(
            verification_id=verification_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
