from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.receive_github_webhook_body import ReceiveGithubWebhookBody
from ...models.webhook_receipt import WebhookReceipt
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ReceiveGithubWebhookBody,
    source: None | Unset | UUID = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_source: None | str | Unset
    if isinstance(source, Unset):
        json_source = UNSET
    elif isinstance(source, UUID):
        json_source = str(source)
    else:
        json_source = source
    params["source"] = json_source

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhooks/github",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookReceipt | None:
    if response.status_code == 200:
        response_200 = WebhookReceipt.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = WebhookReceipt.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[Problem | WebhookReceipt]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ReceiveGithubWebhookBody,
    source: None | Unset | UUID = UNSET,
) -> Response[Problem | WebhookReceipt]:
    """Receive Github Webhook

     GitHub webhooks, verified by `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with the source's
    secret), deduplicated per source by `X-GitHub-Delivery` (at most 200 characters). Uses workflow_run,
    workflow_job, check_suite, check_run, deployment, deployment_status, push, pull_request, release,
    deployment_protection_rule (a GitHub App's custom deployment protection rule: the gate answers
    GitHub
    at `deployment_callback_url`; see `list_deployment_protection_requests`) (and answers ping).

    Args:
        source (None | Unset | UUID): The CI source to verify against; default: every active
            source of the payload's repository.
        body (ReceiveGithubWebhookBody): A GitHub (or Gitea/Forgejo) webhook payload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookReceipt]
    """

    kwargs = _get_kwargs(
        body=body,
        source=source,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ReceiveGithubWebhookBody,
    source: None | Unset | UUID = UNSET,
) -> Problem | WebhookReceipt | None:
    """Receive Github Webhook

     GitHub webhooks, verified by `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with the source's
    secret), deduplicated per source by `X-GitHub-Delivery` (at most 200 characters). Uses workflow_run,
    workflow_job, check_suite, check_run, deployment, deployment_status, push, pull_request, release,
    deployment_protection_rule (a GitHub App's custom deployment protection rule: the gate answers
    GitHub
    at `deployment_callback_url`; see `list_deployment_protection_requests`) (and answers ping).

    Args:
        source (None | Unset | UUID): The CI source to verify against; default: every active
            source of the payload's repository.
        body (ReceiveGithubWebhookBody): A GitHub (or Gitea/Forgejo) webhook payload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookReceipt
    """

    return sync_detailed(
        client=client,
        body=body,
        source=source,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ReceiveGithubWebhookBody,
    source: None | Unset | UUID = UNSET,
) -> Response[Problem | WebhookReceipt]:
    """Receive Github Webhook

     GitHub webhooks, verified by `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with the source's
    secret), deduplicated per source by `X-GitHub-Delivery` (at most 200 characters). Uses workflow_run,
    workflow_job, check_suite, check_run, deployment, deployment_status, push, pull_request, release,
    deployment_protection_rule (a GitHub App's custom deployment protection rule: the gate answers
    GitHub
    at `deployment_callback_url`; see `list_deployment_protection_requests`) (and answers ping).

    Args:
        source (None | Unset | UUID): The CI source to verify against; default: every active
            source of the payload's repository.
        body (ReceiveGithubWebhookBody): A GitHub (or Gitea/Forgejo) webhook payload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookReceipt]
    """

    kwargs = _get_kwargs(
        body=body,
        source=source,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ReceiveGithubWebhookBody,
    source: None | Unset | UUID = UNSET,
) -> Problem | WebhookReceipt | None:
    """Receive Github Webhook

     GitHub webhooks, verified by `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with the source's
    secret), deduplicated per source by `X-GitHub-Delivery` (at most 200 characters). Uses workflow_run,
    workflow_job, check_suite, check_run, deployment, deployment_status, push, pull_request, release,
    deployment_protection_rule (a GitHub App's custom deployment protection rule: the gate answers
    GitHub
    at `deployment_callback_url`; see `list_deployment_protection_requests`) (and answers ping).

    Args:
        source (None | Unset | UUID): The CI source to verify against; default: every active
            source of the payload's repository.
        body (ReceiveGithubWebhookBody): A GitHub (or Gitea/Forgejo) webhook payload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookReceipt
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            source=source,
        )
    ).parsed
