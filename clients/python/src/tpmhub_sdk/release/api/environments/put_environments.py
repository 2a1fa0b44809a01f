from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.environments_in import EnvironmentsIn
from ...models.environments_public import EnvironmentsPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    key: str,
    *,
    body: EnvironmentsIn,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/projects/{key}/environments".format(
            key=quote(str(key), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnvironmentsPublic | Problem | None:
    if response.status_code == 200:
        response_200 = EnvironmentsPublic.from_dict(response.json())

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
) -> Response[EnvironmentsPublic | Problem]:
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
    body: EnvironmentsIn,
    if_match: None | str | Unset = UNSET,
) -> Response[EnvironmentsPublic | Problem]:
    """Put Environments

     Replace the list (tpm, admin). Send If-Match with the ETag you read (`"0"` for the default set); an
    environment still named by an unfinished rollout or a current or future freeze window cannot be
    removed
    (409).

    Args:
        key (str):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (EnvironmentsIn): The whole list (replaces the current one). Names and aliases are
            unique across the list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnvironmentsPublic | Problem]
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
    body: EnvironmentsIn,
    if_match: None | str | Unset = UNSET,
) -> EnvironmentsPublic | Problem | None:
    """Put Environments

     Replace the list (tpm, admin). Send If-Match with the ETag you read (`"0"` for the default set); an
    environment still named by an unfinished rollout or a current or future freeze window cannot be
    removed
    (409).

    Args:
        key (str):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (EnvironmentsIn): The whole list (replaces the current one). Names and aliases are
            unique across the list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnvironmentsPublic | Problem
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
    body: EnvironmentsIn,
    if_match: None | str | Unset = UNSET,
) -> Response[EnvironmentsPublic | Problem]:
    """Put Environments

     Replace the list (tpm, admin). Send If-Match with the ETag you read (`"0"` for the default set); an
    environment still named by an unfinished rollout or a current or future freeze window cannot be
    removed
    (409).

    Args:
        key (str):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (EnvironmentsIn): The whole list (replaces the current one). Names and aliases are
            unique across the list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnvironmentsPublic | Problem]
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
    body: EnvironmentsIn,
    if_match: None | str | Unset = UNSET,
) -> EnvironmentsPublic | Problem | None:
    """Put Environments

     Replace the list (tpm, admin). Send If-Match with the ETag you read (`"0"` for the default set); an
    environment still named by an unfinished rollout or a current or future freeze window cannot be
    removed
    (409).

    Args:
        key (str):
        if_match (None | str | Unset): The ETag you last read (e.g. `"3"`); a stale one is refused
            with 412 and nothing changes.
        body (EnvironmentsIn): The whole list (replaces the current one). Names and aliases are
            unique across the list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnvironmentsPublic | Problem
    """

    return (
        await asyncio_detailed(
            key=key,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
