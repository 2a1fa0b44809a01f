from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.change_request_create import ChangeRequestCreate
from ...models.change_request_public import ChangeRequestPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    key: str,
    *,
    body: ChangeRequestCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/projects/{key}/change-requests".format(
            key=quote(str(key), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChangeRequestPublic | Problem | None:
    if response.status_code == 201:
        response_201 = ChangeRequestPublic.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ChangeRequestPublic | Problem]:
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
    body: ChangeRequestCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ChangeRequestPublic | Problem]:
    """Create Change Request

     Propose a change; the answer carries the computed impact: items, effort, dates, milestones, the
    releases it touches (and which go back to review), the linked risks and the requirement_change risk
    approval creates. Keys are gap-free per project (`PAY-CR3`). When release-svc or risk-svc does not
    answer, the change request is still created and `impact.unknown` names the missing part.

    Args:
        key (str):
        idempotency_key (str | Unset):
        body (ChangeRequestCreate): A proposed change (需求变更): what changes, why, and which items
            and PRD sections it touches. The
            service computes the impact.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangeRequestPublic | Problem]
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
    body: ChangeRequestCreate,
    idempotency_key: str | Unset = UNSET,
) -> ChangeRequestPublic | Problem | None:
    """Create Change Request

     Propose a change; the answer carries the computed impact: items, effort, dates, milestones, the
    releases it touches (and which go back to review), the linked risks and the requirement_change risk
    approval creates. Keys are gap-free per project (`PAY-CR3`). When release-svc or risk-svc does not
    answer, the change request is still created and `impact.unknown` names the missing part.

    Args:
        key (str):
        idempotency_key (str | Unset):
        body (ChangeRequestCreate): A proposed change (需求变更): what changes, why, and which items
            and PRD sections it touches. The
            service computes the impact.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangeRequestPublic | Problem
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
    body: ChangeRequestCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ChangeRequestPublic | Problem]:
    """Create Change Request

     Propose a change; the answer carries the computed impact: items, effort, dates, milestones, the
    releases it touches (and which go back to review), the linked risks and the requirement_change risk
    approval creates. Keys are gap-free per project (`PAY-CR3`). When release-svc or risk-svc does not
    answer, the change request is still created and `impact.unknown` names the missing part.

    Args:
        key (str):
        idempotency_key (str | Unset):
        body (ChangeRequestCreate): A proposed change (需求变更): what changes, why, and which items
            and PRD sections it touches. The
            service computes the impact.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangeRequestPublic | Problem]
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
    body: ChangeRequestCreate,
    idempotency_key: str | Unset = UNSET,
) -> ChangeRequestPublic | Problem | None:
    """Create Change Request

     Propose a change; the answer carries the computed impact: items, effort, dates, milestones, the
    releases it touches (and which go back to review), the linked risks and the requirement_change risk
    approval creates. Keys are gap-free per project (`PAY-CR3`). When release-svc or risk-svc does not
    answer, the change request is still created and `impact.unknown` names the missing part.

    Args:
        key (str):
        idempotency_key (str | Unset):
        body (ChangeRequestCreate): A proposed change (需求变更): what changes, why, and which items
            and PRD sections it touches. The
            service computes the impact.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangeRequestPublic | Problem
    """

    return (
        await asyncio_detailed(
            key=key,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
