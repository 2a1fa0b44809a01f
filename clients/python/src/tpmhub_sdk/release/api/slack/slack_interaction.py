from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.slack_interaction_body import SlackInteractionBody
from ...models.slack_reply import SlackReply
from ...types import Response


def _get_kwargs(
    *,
    body: SlackInteractionBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/integrations/slack/interactions",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SlackReply | None:
    if response.status_code == 200:
        response_200 = SlackReply.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Problem | SlackReply]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SlackInteractionBody,
) -> Response[Problem | SlackReply]:
    """Slack Interaction

     Slack's interactivity request URL. Verified by Slack's signature (`X-Slack-Signature`, HMAC-SHA256
    with the app's signing secret over `v0:{X-Slack-Request-Timestamp}:{body}`, 5 minutes at most old):
    401 otherwise. The button's value names the action — `advance:<rollout_id>` or
    `approve:<release_id>` —
    run as the TPM Hub user the Slack user is mapped to in the project, with every rule of the REST
    action.
    Answered with an ephemeral message saying what happened or why it was refused (nothing changed
    then).

    Args:
        body (SlackInteractionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlackReply]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SlackInteractionBody,
) -> Problem | SlackReply | None:
    """Slack Interaction

     Slack's interactivity request URL. Verified by Slack's signature (`X-Slack-Signature`, HMAC-SHA256
    with the app's signing secret over `v0:{X-Slack-Request-Timestamp}:{body}`, 5 minutes at most old):
    401 otherwise. The button's value names the action — `advance:<rollout_id>` or
    `approve:<release_id>` —
    run as the TPM Hub user the Slack user is mapped to in the project, with every rule of the REST
    action.
    Answered with an ephemeral message saying what happened or why it was refused (nothing changed
    then).

    Args:
        body (SlackInteractionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlackReply
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SlackInteractionBody,
) -> Response[Problem | SlackReply]:
    """Slack Interaction

     Slack's interactivity request URL. Verified by Slack's signature (`X-Slack-Signature`, HMAC-SHA256
    with the app's signing secret over `v0:{X-Slack-Request-Timestamp}:{body}`, 5 minutes at most old):
    401 otherwise. The button's value names the action — `advance:<rollout_id>` or
    `approve:<release_id>` —
    run as the TPM Hub user the Slack user is mapped to in the project, with every rule of the REST
    action.
    Answered with an ephemeral message saying what happened or why it was refused (nothing changed
    then).

    Args:
        body (SlackInteractionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlackReply]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SlackInteractionBody,
) -> Problem | SlackReply | None:
    """Slack Interaction

     Slack's interactivity request URL. Verified by Slack's signature (`X-Slack-Signature`, HMAC-SHA256
    with the app's signing secret over `v0:{X-Slack-Request-Timestamp}:{body}`, 5 minutes at most old):
    401 otherwise. The button's value names the action — `advance:<rollout_id>` or
    `approve:<release_id>` —
    run as the TPM Hub user the Slack user is mapped to in the project, with every rule of the REST
    action.
    Answered with an ephemeral message saying what happened or why it was refused (nothing changed
    then).

    Args:
        body (SlackInteractionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlackReply
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
