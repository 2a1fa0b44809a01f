from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.retrospective_public import RetrospectivePublic
from ...models.send_to_risk import SendToRisk
from ...types import UNSET, Response, Unset


def _get_kwargs(
    release_id: UUID,
    item_id: UUID,
    *,
    body: None | SendToRisk | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/releases/{release_id}/retrospective/action-items/{item_id}/send-to-risk".format(
            release_id=quote(str(release_id), safe=""),
            item_id=quote(str(item_id), safe=""),
        ),
    }

    if isinstance(body, SendToRisk):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RetrospectivePublic | None:
    if response.status_code == 200:
        response_200 = RetrospectivePublic.from_dict(response.json())

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
) -> Response[Problem | RetrospectivePublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    release_id: UUID,
    item_id: UUID,
    *,
    client: AuthenticatedClient,
    body: None | SendToRisk | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RetrospectivePublic]:
    """Send Action Item To Risk

     Raise the action item as a risk in risk-svc (linked to the release, created as the caller; admin,
    pm, tpm). 409 if already sent; 503 if risk-svc cannot answer (nothing changes).

    Args:
        release_id (UUID):
        item_id (UUID):
        idempotency_key (str | Unset):
        body (None | SendToRisk | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RetrospectivePublic]
    """

    kwargs = _get_kwargs(
        release_id=release_id,
        item_id=item_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    release_id: UUID,
    item_id: UUID,
    *,
    client: AuthenticatedClient,
    body: None | SendToRisk | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RetrospectivePublic | None:
    """Send Action Item To Risk

     Raise the action item as a risk in risk-svc (linked to the release, created as the caller; admin,
    pm, tpm). 409 if already sent; 503 if risk-svc cannot answer (nothing changes).

    Args:
        release_id (UUID):
        item_id (UUID):
        idempotency_key (str | Unset):
        body (None | SendToRisk | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RetrospectivePublic
    """

    return sync_detailed(
        release_id=release_id,
        item_id=item_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    release_id: UUID,
    item_id: UUID,
    *,
    client: AuthenticatedClient,
    body: None | SendToRisk | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RetrospectivePublic]:
    """Send Action Item To Risk

     Raise the action item as a risk in risk-svc (linked to the release, created as the caller; admin,
    pm, tpm). 409 if already sent; 503 if risk-svc cannot answer (nothing changes).

    Args:
        release_id (UUID):
        item_id (UUID):
        idempotency_key (str | Unset):
        body (None | SendToRisk | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RetrospectivePublic]
    """

    kwargs = _get_kwargs(
        release_id=release_id,
        item_id=item_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    release_id: UUID,
    item_id: UUID,
    *,
    client: AuthenticatedClient,
    body: None | SendToRisk | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RetrospectivePublic | None:
    """Send Action Item To Risk

     Raise the action item as a risk in risk-svc (linked to the release, created as the caller; admin,
    pm, tpm). 409 if already sent; 503 if risk-svc cannot answer (nothing changes).

    Args:
        release_id (UUID):
        item_id (UUID):
        idempotency_key (str | Unset):
        body (None | SendToRisk | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RetrospectivePublic
    """

    return (
        await asyncio_detailed(
            release_id=release_id,
            item_id=item_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
