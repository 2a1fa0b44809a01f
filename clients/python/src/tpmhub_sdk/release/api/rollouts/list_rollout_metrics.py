from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_rollout_metrics_cohort_type_0 import (
    ListRolloutMetricsCohortType0,
)
from ...models.page_reading_public import PageReadingPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    rollout_id: UUID,
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    metric: None | str | Unset = UNSET,
    cohort: ListRolloutMetricsCohortType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_metric: None | str | Unset
    if isinstance(metric, Unset):
        json_metric = UNSET
    else:
        json_metric = metric
    params["metric"] = json_metric

    json_cohort: None | str | Unset
    if isinstance(cohort, Unset):
        json_cohort = UNSET
    elif isinstance(cohort, str):
        json_cohort = cohort
    else:
        json_cohort = cohort
    params["cohort"] = json_cohort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/rollouts/{rollout_id}/metrics".format(
            rollout_id=quote(str(rollout_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageReadingPublic | Problem | None:
    if response.status_code == 200:
        response_200 = PageReadingPublic.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageReadingPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    rollout_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    metric: None | str | Unset = UNSET,
    cohort: ListRolloutMetricsCohortType0 | None | Unset = UNSET,
) -> Response[PageReadingPublic | Problem]:
    """List Rollout Metrics

     Readings of the rollout in the order they were recorded, with their outcomes.

    Args:
        rollout_id (UUID):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        metric (None | str | Unset):
        cohort (ListRolloutMetricsCohortType0 | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReadingPublic | Problem]
    """

    kwargs = _get_kwargs(
        rollout_id=rollout_id,
        limit=limit,
        cursor=cursor,
        metric=metric,
        cohort=cohort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    rollout_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    metric: None | str | Unset = UNSET,
    cohort: ListRolloutMetricsCohortType0 | None | Unset = UNSET,
) -> PageReadingPublic | Problem | None:
    """List Rollout Metrics

     Readings of the rollout in the order they were recorded, with their outcomes.

    Args:
        rollout_id (UUID):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        metric (None | str | Unset):
        cohort (ListRolloutMetricsCohortType0 | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReadingPublic | Problem
    """

    return sync_detailed(
        rollout_id=rollout_id,
        client=client,
        limit=limit,
        cursor=cursor,
        metric=metric,
        cohort=cohort,
    ).parsed


async def asyncio_detailed(
    rollout_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    metric: None | str | Unset = UNSET,
    cohort: ListRolloutMetricsCohortType0 | None | Unset = UNSET,
) -> Response[PageReadingPublic | Problem]:
    """List Rollout Metrics

     Readings of the rollout in the order they were recorded, with their outcomes.

    Args:
        rollout_id (UUID):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        metric (None | str | Unset):
        cohort (ListRolloutMetricsCohortType0 | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReadingPublic | Problem]
    """

    kwargs = _get_kwargs(
        rollout_id=rollout_id,
        limit=limit,
        cursor=cursor,
        metric=metric,
        cohort=cohort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    rollout_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    metric: None | str | Unset = UNSET,
    cohort: ListRolloutMetricsCohortType0 | None | Unset = UNSET,
) -> PageReadingPublic | Problem | None:
    """List Rollout Metrics

     Readings of the rollout in the order they were recorded, with their outcomes.

    Args:
        rollout_id (UUID):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        metric (None | str | Unset):
        cohort (ListRolloutMetricsCohortType0 | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReadingPublic | Problem
    """

    return (
        await asyncio_detailed(
            rollout_id=rollout_id,
            client=client,
            limit=limit,
            cursor=cursor,
            metric=metric,
            cohort=cohort,
        )
    ).parsed
