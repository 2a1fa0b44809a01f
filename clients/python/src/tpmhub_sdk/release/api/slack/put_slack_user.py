from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.slack_user_public import SlackUserPublic
from ...models.slack_user_put import SlackUserPut
from ...types import Response


def _get_kwargs(
    key: str,
    slack_user_id: str,
    *,
    body: SlackUserPut,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/projects/{key}/slack-users/{slack_user_id}".format(
            key=quote(str(key), safe=""),
            slack_user_id=quote(str(slack_user_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SlackUserPublic | None:
    if response.status_code == 200:
        response_200 = SlackUserPublic.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = SlackUserPublic.from_dict(response.json())

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
) -> Response[Problem | SlackUserPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    key: str,
    slack_user_id: str,
    *,
    client: AuthenticatedClient,
    body: SlackUserPut,
) -> Response[Problem | SlackUserPublic]:
    """Put Slack User

     Map a Slack user to the TPM Hub user (`sub`) and project role that acts when they click a button
    (tpm/admin; only an admin may map someone as admin). 201 when new, 200 when replaced.

    Args:
        key (str):
        slack_user_id (str):
        body (SlackUserPut): The TPM Hub identity and project role a Slack user acts as.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlackUserPublic]
    """

    kwargs = _get_kwargs(
        key=key,
        slack_user_id=slack_user_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    key: str,
    slack_user_id: str,
    *,
    client: AuthenticatedClient,
    body: SlackUserPut,
) -> Problem | SlackUserPublic | None:
    """Put Slack User

     Map a Slack user to the TPM Hub user (`sub`) and project role that acts when they click a button
    (tpm/admin; only an admin may map someone as admin). 201 when new, 200 when replaced.

    Args:
        key (str):
        slack_user_id (str):
        body (SlackUserPut): The TPM Hub identity and project role a Slack user acts as.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlackUserPublic
    """

    return sync_detailed(
        key=key,
        slack_user_id=slack_user_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    key: str,
    slack_user_id: str,
    *,
    client: AuthenticatedClient,
    body: SlackUserPut,
) -> Response[Problem | SlackUserPublic]:
    """Put Slack User

     Map a Slack user to the TPM Hub user (`sub`) and project role that acts when they click a button
    (tpm/admin; only an admin may map someone as admin). 201 when new, 200 when replaced.

    Args:
        key (str):
        slack_user_id (str):
        body (SlackUserPut): The TPM Hub identity and project role a Slack user acts as.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlackUserPublic]
    """

    kwargs = _get_kwargs(
        key=key,
        slack_user_id=slack_user_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    key: str,
    slack_user_id: str,
    *,
    client: AuthenticatedClient,
    body: SlackUserPut,
) -> Problem | SlackUserPublic | None:
    """Put Slack User

     Map a Slack user to the TPM Hub user (`sub`) and project role that acts when they click a button
    (tpm/admin; only an admin may map someone as admin). 201 when new, 200 when replaced.

    Args:
        key (str):
        slack_user_id (str):
        body (SlackUserPut): The TPM Hub identity and project role a Slack user acts as.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlackUserPublic
    """

    return (
        await asyncio_detailed(
            key=key,
            slack_user_id=slack_user_id,
            client=client,
            body=body,
        )
    ).parsed
