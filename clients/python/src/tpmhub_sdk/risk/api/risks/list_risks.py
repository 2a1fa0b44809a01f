from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_risks_category_type_0 import ListRisksCategoryType0
from ...models.list_risks_kind_type_0 import ListRisksKindType0
from ...models.list_risks_level_type_0_item import ListRisksLevelType0Item
from ...models.list_risks_status_type_0_item import (
    ListRisksStatusType0Item,
)
from ...models.page_risk_public import PageRiskPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    key: str,
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: list[ListRisksStatusType0Item] | None | Unset = UNSET,
    level: list[ListRisksLevelType0Item] | None | Unset = UNSET,
    category: ListRisksCategoryType0 | None | Unset = UNSET,
    owner: None | str | Unset = UNSET,
    kind: ListRisksKindType0 | None | Unset = UNSET,
    escalated: bool | None | Unset = UNSET,
    item: None | str | Unset = UNSET,
    review_overdue: bool | None | Unset = UNSET,
    flagged: bool | None | Unset = UNSET,
    sort: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_status: list[str] | None | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, list):
        json_status = []
        for status_type_0_item_data in status:
            status_type_0_item: str = status_type_0_item_data
            json_status.append(status_type_0_item)

    else:
        json_status = status
    params["status"] = json_status

    json_level: list[str] | None | Unset
    if isinstance(level, Unset):
        json_level = UNSET
    elif isinstance(level, list):
        json_level = []
        for level_type_0_item_data in level:
            level_type_0_item: str = level_type_0_item_data
            json_level.append(level_type_0_item)

    else:
        json_level = level
    params["level"] = json_level

    json_category: None | str | Unset
    if isinstance(category, Unset):
        json_category = UNSET
    elif isinstance(category, str):
        json_category = category
    else:
        json_category = category
    params["category"] = json_category

    json_owner: None | str | Unset
    if isinstance(owner, Unset):
        json_owner = UNSET
    else:
        json_owner = owner
    params["owner"] = json_owner

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, str):
        json_kind = kind
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_escalated: bool | None | Unset
    if isinstance(escalated, Unset):
        json_escalated = UNSET
    else:
        json_escalated = escalated
    params["escalated"] = json_escalated

    json_item: None | str | Unset
    if isinstance(item, Unset):
        json_item = UNSET
    else:
        json_item = item
    params["item"] = json_item

    json_review_overdue: bool | None | Unset
    if isinstance(review_overdue, Unset):
        json_review_overdue = UNSET
    else:
        json_review_overdue = review_overdue
    params["review_overdue"] = json_review_overdue

    json_flagged: bool | None | Unset
    if isinstance(flagged, Unset):
        json_flagged = UNSET
    else:
        json_flagged = flagged
    params["flagged"] = json_flagged

    json_sort: None | str | Unset
    if isinstance(sort, Unset):
        json_sort = UNSET
    else:
        json_sort = sort
    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/projects/{key}/risks".format(
            key=quote(str(key), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageRiskPublic | Problem | None:
    if response.status_code == 200:
        response_200 = PageRiskPublic.from_dict(response.json())

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
) -> Response[PageRiskPublic | Problem]:
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
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: list[ListRisksStatusType0Item] | None | Unset = UNSET,
    level: list[ListRisksLevelType0Item] | None | Unset = UNSET,
    category: ListRisksCategoryType0 | None | Unset = UNSET,
    owner: None | str | Unset = UNSET,
    kind: ListRisksKindType0 | None | Unset = UNSET,
    escalated: bool | None | Unset = UNSET,
    item: None | str | Unset = UNSET,
    review_overdue: bool | None | Unset = UNSET,
    flagged: bool | None | Unset = UNSET,
    sort: None | str | Unset = UNSET,
) -> Response[PageRiskPublic | Problem]:
    """List Risks

     The project's risks, filtered; each carries its links and an `attention` flag (high/critical with
    no open mitigation action or an overdue one).

    Args:
        key (str):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        status (list[ListRisksStatusType0Item] | None | Unset): Any of these states (repeatable).
        level (list[ListRisksLevelType0Item] | None | Unset): Any of these levels (repeatable).
        category (ListRisksCategoryType0 | None | Unset):
        owner (None | str | Unset):
        kind (ListRisksKindType0 | None | Unset):
        escalated (bool | None | Unset):
        item (None | str | Unset): Linked to this item key.
        review_overdue (bool | None | Unset):
        flagged (bool | None | Unset): High/critical with no open mitigation action or an overdue
            one.
        sort (None | str | Unset): key, score, created, updated, next_review; `-` descending

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRiskPublic | Problem]
    """

    kwargs = _get_kwargs(
        key=key,
        limit=limit,
        cursor=cursor,
        status=status,
        level=level,
        category=category,
        owner=owner,
        kind=kind,
        escalated=escalated,
        item=item,
        review_overdue=review_overdue,
        flagged=flagged,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    key: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: list[ListRisksStatusType0Item] | None | Unset = UNSET,
    level: list[ListRisksLevelType0Item] | None | Unset = UNSET,
    category: ListRisksCategoryType0 | None | Unset = UNSET,
    owner: None | str | Unset = UNSET,
    kind: ListRisksKindType0 | None | Unset = UNSET,
    escalated: bool | None | Unset = UNSET,
    item: None | str | Unset = UNSET,
    review_overdue: bool | None | Unset = UNSET,
    flagged: bool | None | Unset = UNSET,
    sort: None | str | Unset = UNSET,
) -> PageRiskPublic | Problem | None:
    """List Risks

     The project's risks, filtered; each carries its links and an `attention` flag (high/critical with
    no open mitigation action or an overdue one).

    Args:
        key (str):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        status (list[ListRisksStatusType0Item] | None | Unset): Any of these states (repeatable).
        level (list[ListRisksLevelType0Item] | None | Unset): Any of these levels (repeatable).
        category (ListRisksCategoryType0 | None | Unset):
        owner (None | str | Unset):
        kind (ListRisksKindType0 | None | Unset):
        escalated (bool | None | Unset):
        item (None | str | Unset): Linked to this item key.
        review_overdue (bool | None | Unset):
        flagged (bool | None | Unset): High/critical with no open mitigation action or an overdue
            one.
        sort (None | str | Unset): key, score, created, updated, next_review; `-` descending

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRiskPublic | Problem
    """

    return sync_detailed(
        key=key,
        client=client,
        limit=limit,
        cursor=cursor,
        status=status,
        level=level,
        category=category,
        owner=owner,
        kind=kind,
        escalated=escalated,
        item=item,
        review_overdue=review_overdue,
        flagged=flagged,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    key: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: list[ListRisksStatusType0Item] | None | Unset = UNSET,
    level: list[ListRisksLevelType0Item] | None | Unset = UNSET,
    category: ListRisksCategoryType0 | None | Unset = UNSET,
    owner: None | str | Unset = UNSET,
    kind: ListRisksKindType0 | None | Unset = UNSET,
    escalated: bool | None | Unset = UNSET,
    item: None | str | Unset = UNSET,
    review_overdue: bool | None | Unset = UNSET,
    flagged: bool | None | Unset = UNSET,
    sort: None | str | Unset = UNSET,
) -> Response[PageRiskPublic | Problem]:
    """List Risks

     The project's risks, filtered; each carries its links and an `attention` flag (high/critical with
    no open mitigation action or an overdue one).

    Args:
        key (str):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        status (list[ListRisksStatusType0Item] | None | Unset): Any of these states (repeatable).
        level (list[ListRisksLevelType0Item] | None | Unset): Any of these levels (repeatable).
        category (ListRisksCategoryType0 | None | Unset):
        owner (None | str | Unset):
        kind (ListRisksKindType0 | None | Unset):
        escalated (bool | None | Unset):
        item (None | str | Unset): Linked to this item key.
        review_overdue (bool | None | Unset):
        flagged (bool | None | Unset): High/critical with no open mitigation action or an overdue
            one.
        sort (None | str | Unset): key, score, created, updated, next_review; `-` descending

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRiskPublic | Problem]
    """

    kwargs = _get_kwargs(
        key=key,
        limit=limit,
        cursor=cursor,
        status=status,
        level=level,
        category=category,
        owner=owner,
        kind=kind,
        escalated=escalated,
        item=item,
        review_overdue=review_overdue,
        flagged=flagged,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    key: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: list[ListRisksStatusType0Item] | None | Unset = UNSET,
    level: list[ListRisksLevelType0Item] | None | Unset = UNSET,
    category: ListRisksCategoryType0 | None | Unset = UNSET,
    owner: None | str | Unset = UNSET,
    kind: ListRisksKindType0 | None | Unset = UNSET,
    escalated: bool | None | Unset = UNSET,
    item: None | str | Unset = UNSET,
    review_overdue: bool | None | Unset = UNSET,
    flagged: bool | None | Unset = UNSET,
    sort: None | str | Unset = UNSET,
) -> PageRiskPublic | Problem | None:
    """List Risks

     The project's risks, filtered; each carries its links and an `attention` flag (high/critical with
    no open mitigation action or an overdue one).

    Args:
        key (str):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        status (list[ListRisksStatusType0Item] | None | Unset): Any of these states (repeatable).
        level (list[ListRisksLevelType0Item] | None | Unset): Any of these levels (repeatable).
        category (ListRisksCategoryType0 | None | Unset):
        owner (None | str | Unset):
        kind (ListRisksKindType0 | None | Unset):
        escalated (bool | None | Unset):
        item (None | str | Unset): Linked to this item key.
        review_overdue (bool | None | Unset):
        flagged (bool | None | Unset): High/critical with no open mitigation action or an overdue
            one.
        sort (None | str | Unset): key, score, created, updated, next_review; `-` descending

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRiskPublic | Problem
    """

    return (
        await asyncio_detailed(
            key=key,
            client=client,
            limit=limit,
            cursor=cursor,
            status=status,
            level=level,
            category=category,
            owner=owner,
            kind=kind,
            escalated=escalated,
            item=item,
            review_overdue=review_overdue,
            flagged=flagged,
            sort=sort,
        )
    ).parsed
