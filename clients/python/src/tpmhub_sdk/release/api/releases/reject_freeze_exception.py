from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.freeze_exception_decision import FreezeExceptionDecision
from ...models.freeze_exception_public import FreezeExceptionPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    exception_id: UUID,
    *,
    body: FreezeExceptionDecision | None | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/freeze-exceptions/{exception_id}/reject".format(
            exception_id=quote(str(exception_id), safe=""),
        ),
    }

    if isinstance(body, FreezeExceptionDecision):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FreezeExceptionPublic | Problem | None:
    if response.status_code == 200:
        response_200 = FreezeExceptionPublic.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[FreezeExceptionPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    exception_id: UUID,
    *,
    client: AuthenticatedClient,
    body: FreezeExceptionDecision | None | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[FreezeExceptionPublic | Problem]:
    """Reject Freeze Exception

     Reject a freeze exception (tpm, admin; not the requester).

    Args:
        exception_id (UUID):
        idempotency_key (str | Unset):
        body (FreezeExceptionDecision | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FreezeExceptionPublic | Problem]
    """

    kwargs = _get_kwargs(
        exception_id=exception_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    exception_id: UUID,
    *,
    client: AuthenticatedClient,
    body: FreezeExceptionDecision | None | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> FreezeExceptionPublic | Problem | None:
    """Reject Freeze Exception

     Reject a freeze exception (tpm, admin; not the requester).

    Args:
        exception_id (UUID):
        idempotency_key (str | Unset):
        body (FreezeExceptionDecision | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FreezeExceptionPublic | Problem
    """

    return sync_detailed(
        exception_id=exception_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    exception_id: UUID,
    *,
    client: AuthenticatedClient,
    body: FreezeExceptionDecision | None | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[FreezeExceptionPublic | Problem]:
    """Reject Freeze Exception

     Reject a freeze exception (tpm, admin; not the requester).

    Args:
        exception_id (UUID):
        idempotency_key (str | Unset):
        body (FreezeExceptionDecision | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FreezeExceptionPublic | Problem]
    """

    kwargs = _get_kwargs(
        exception_id=exception_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    exception_id: UUID,
    *,
    client: AuthenticatedClient,
    body: FreezeExceptionDecision | None | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> FreezeExceptionPublic | Problem | None:
    """Reject Freeze Exception

     Reject a freeze exception (tpm, admin; not the requester).

    Args:
        exception_id (UUID):
        idempotency_key (str | Unset):
        body (FreezeExceptionDecision | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FreezeExceptionPublic | Problem
    """

    return (
        await asyncio_detailed(
            exception_id=exception_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
