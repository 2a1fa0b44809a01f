from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_items_priority_type_0_item import (
    ListItemsPriorityType0Item,
)
from ...models.list_items_severity_type_0_item import (
    ListItemsSeverityType0Item,
)
from ...models.list_items_status_type_0_item import (
    ListItemsStatusType0Item,
)
from ...models.list_items_type_type_0_item import ListItemsTypeType0Item
from ...models.page_item_public import PageItemPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    key: str,
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    type_: list[ListItemsTypeType0Item] | None | Unset = UNSET,
    status: list[ListItemsStatusType0Item] | None | Unset = UNSET,
    priority: list[ListItemsPriorityType0Item] | None | Unset = UNSET,
    severity: list[ListItemsSeverityType0Item] | None | Unset = UNSET,
    assignee: None | str | Unset = UNSET,
    label: None | str | Unset = UNSET,
    iteration_id: None | Unset | UUID = UNSET,
    milestone_id: None | Unset | UUID = UNSET,
    parent: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
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

    json_type_: list[str] | None | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, list):
        json_type_ = []
        for type_type_0_item_data in type_:
            type_type_0_item: str = type_type_0_item_data
            json_type_.append(type_type_0_item)

    else:
        json_type_ = type_
    params["type"] = json_type_

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

    json_priority: list[str] | None | Unset
    if isinstance(priority, Unset):
        json_priority = UNSET
    elif isinstance(priority, list):
        json_priority = []
        for priority_type_0_item_data in priority:
            priority_type_0_item: str = priority_type_0_item_data
            json_priority.append(priority_type_0_item)

    else:
        json_priority = priority
    params["priority"] = json_priority

    json_severity: list[str] | None | Unset
    if isinstance(severity, Unset):
        json_severity = UNSET
    elif isinstance(severity, list):
        json_severity = []
        for severity_type_0_item_data in severity:
            severity_type_0_item: str = severity_type_0_item_data
            json_severity.append(severity_type_0_item)

    else:
        json_severity = severity
    params["severity"] = json_severity

    json_assignee: None | str | Unset
    if isinstance(assignee, Unset):
        json_assignee = UNSET
    else:
        json_assignee = assignee
    params["assignee"] = json_assignee

    json_label: None | str | Unset
    if isinstance(label, Unset):
        json_label = UNSET
    else:
        json_label = label
    params["label"] = json_label

    json_iteration_id: None | str | Unset
    if isinstance(iteration_id, Unset):
        json_iteration_id = UNSET
    elif isinstance(iteration_id, UUID):
        json_iteration_id = str(iteration_id)
    else:
        json_iteration_id = iteration_id
    params["iteration_id"] = json_iteration_id

    json_milestone_id: None | str | Unset
    if isinstance(milestone_id, Unset):
        json_milestone_id = UNSET
    elif isinstance(milestone_id, UUID):
        json_milestone_id = str(milestone_id)
    else:
        json_milestone_id = milestone_id
    params["milestone_id"] = json_milestone_id

    json_parent: None | str | Unset
    if isinstance(parent, Unset):
        json_parent = UNSET
    else:
        json_parent = parent
    params["parent"] = json_parent

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_sort: None | str | Unset
    if isinstance(sort, Unset):
        json_sort = UNSET
    else:
        json_sort = sort
    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/projects/{key}/items".format(
            key=quote(str(key), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageItemPublic | Problem | None:
    if response.status_code == 200:
        response_200 = PageItemPublic.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageItemPublic | Problem]:
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
    type_: list[ListItemsTypeType0Item] | None | Unset = UNSET,
    status: list[ListItemsStatusType0Item] | None | Unset = UNSET,
    priority: list[ListItemsPriorityType0Item] | None | Unset = UNSET,
    severity: list[ListItemsSeverityType0Item] | None | Unset = UNSET,
    assignee: None | str | Unset = UNSET,
    label: None | str | Unset = UNSET,
    iteration_id: None | Unset | UUID = UNSET,
    milestone_id: None | Unset | UUID = UNSET,
    parent: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
) -> Response[PageItemPublic | Problem]:
    """List Items

     The project's backlog, filtered, searched and sorted, one keyset page at a time.

    Args:
        key (str):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        type_ (list[ListItemsTypeType0Item] | None | Unset): Any of these types.
        status (list[ListItemsStatusType0Item] | None | Unset): Any of these statuses.
        priority (list[ListItemsPriorityType0Item] | None | Unset): Any of these priorities.
        severity (list[ListItemsSeverityType0Item] | None | Unset): Bugs of any of these
            severities.
        assignee (None | str | Unset):
        label (None | str | Unset): Items carrying this label.
        iteration_id (None | Unset | UUID):
        milestone_id (None | Unset | UUID):
        parent (None | str | Unset): Direct children of this item.
        q (None | str | Unset): Text search in title and description.
        sort (None | str | Unset): rank, priority, rice, wsjf, created, updated, key; `-` for
            descending; default rank.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageItemPublic | Problem]
    """

    kwargs = _get_kwargs(
        key=key,
        limit=limit,
        cursor=cursor,
        type_=type_,
        status=status,
        priority=priority,
        severity=severity,
        assignee=assignee,
        label=label,
        iteration_id=iteration_id,
        milestone_id=milestone_id,
        parent=parent,
        q=q,
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
    type_: list[ListItemsTypeType0Item] | None | Unset = UNSET,
    status: list[ListItemsStatusType0Item] | None | Unset = UNSET,
    priority: list[ListItemsPriorityType0Item] | None | Unset = UNSET,
    severity: list[ListItemsSeverityType0Item] | None | Unset = UNSET,
    assignee: None | str | Unset = UNSET,
    label: None | str | Unset = UNSET,
    iteration_id: None | Unset | UUID = UNSET,
    milestone_id: None | Unset | UUID = UNSET,
    parent: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
) -> PageItemPublic | Problem | None:
    """List Items

     The project's backlog, filtered, searched and sorted, one keyset page at a time.

    Args:
        key (str):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        type_ (list[ListItemsTypeType0Item] | None | Unset): Any of these types.
        status (list[ListItemsStatusType0Item] | None | Unset): Any of these statuses.
        priority (list[ListItemsPriorityType0Item] | None | Unset): Any of these priorities.
        severity (list[ListItemsSeverityType0Item] | None | Unset): Bugs of any of these
            severities.
        assignee (None | str | Unset):
        label (None | str | Unset): Items carrying this label.
        iteration_id (None | Unset | UUID):
        milestone_id (None | Unset | UUID):
        parent (None | str | Unset): Direct children of this item.
        q (None | str | Unset): Text search in title and description.
        sort (None | str | Unset): rank, priority, rice, wsjf, created, updated, key; `-` for
            descending; default rank.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageItemPublic | Problem
    """

    return sync_detailed(
        key=key,
        client=client,
        limit=limit,
        cursor=cursor,
        type_=type_,
        status=status,
        priority=priority,
        severity=severity,
        assignee=assignee,
        label=label,
        iteration_id=iteration_id,
        milestone_id=milestone_id,
        parent=parent,
        q=q,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    key: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    type_: list[ListItemsTypeType0Item] | None | Unset = UNSET,
    status: list[ListItemsStatusType0Item] | None | Unset = UNSET,
    priority: list[ListItemsPriorityType0Item] | None | Unset = UNSET,
    severity: list[ListItemsSeverityType0Item] | None | Unset = UNSET,
    assignee: None | str | Unset = UNSET,
    label: None | str | Unset = UNSET,
    iteration_id: None | Unset | UUID = UNSET,
    milestone_id: None | Unset | UUID = UNSET,
    parent: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
) -> Response[PageItemPublic | Problem]:
    """List Items

     The project's backlog, filtered, searched and sorted, one keyset page at a time.

    Args:
        key (str):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        type_ (list[ListItemsTypeType0Item] | None | Unset): Any of these types.
        status (list[ListItemsStatusType0Item] | None | Unset): Any of these statuses.
        priority (list[ListItemsPriorityType0Item] | None | Unset): Any of these priorities.
        severity (list[ListItemsSeverityType0Item] | None | Unset): Bugs of any of these
            severities.
        assignee (None | str | Unset):
        label (None | str | Unset): Items carrying this label.
        iteration_id (None | Unset | UUID):
        milestone_id (None | Unset | UUID):
        parent (None | str | Unset): Direct children of this item.
        q (None | str | Unset): Text search in title and description.
        sort (None | str | Unset): rank, priority, rice, wsjf, created, updated, key; `-` for
            descending; default rank.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageItemPublic | Problem]
    """

    kwargs = _get_kwargs(
        key=key,
        limit=limit,
        cursor=cursor,
        type_=type_,
        status=status,
        priority=priority,
        severity=severity,
        assignee=assignee,
        label=label,
        iteration_id=iteration_id,
        milestone_id=milestone_id,
        parent=parent,
        q=q,
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
    type_: list[ListItemsTypeType0Item] | None | Unset = UNSET,
    status: list[ListItemsStatusType0Item] | None | Unset = UNSET,
    priority: list[ListItemsPriorityType0Item] | None | Unset = UNSET,
    severity: list[ListItemsSeverityType0Item] | None | Unset = UNSET,
    assignee: None | str | Unset = UNSET,
    label: None | str | Unset = UNSET,
    iteration_id: None | Unset | UUID = UNSET,
    milestone_id: None | Unset | UUID = UNSET,
    parent: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
) -> PageItemPublic | Problem | None:
    """List Items

     The project's backlog, filtered, searched and sorted, one keyset page at a time.

    Args:
        key (str):
        limit (int | Unset): Page size (1–200). Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`; one
            this list did not issue is a 400.
        type_ (list[ListItemsTypeType0Item] | None | Unset): Any of these types.
        status (list[ListItemsStatusType0Item] | None | Unset): Any of these statuses.
        priority (list[ListItemsPriorityType0Item] | None | Unset): Any of these priorities.
        severity (list[ListItemsSeverityType0Item] | None | Unset): Bugs of any of these
            severities.
        assignee (None | str | Unset):
        label (None | str | Unset): Items carrying this label.
        iteration_id (None | Unset | UUID):
        milestone_id (None | Unset | UUID):
        parent (None | str | Unset): Direct children of this item.
        q (None | str | Unset): Text search in title and description.
        sort (None | str | Unset): rank, priority, rice, wsjf, created, updated, key; `-` for
            descending; default rank.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageItemPublic | Problem
    """

    return (
        await asyncio_detailed(
            key=key,
            client=client,
            limit=limit,
            cursor=cursor,
            type_=type_,
            status=status,
            priority=priority,
            severity=severity,
            assignee=assignee,
            label=label,
            iteration_id=iteration_id,
            milestone_id=milestone_id,
            parent=parent,
            q=q,
            sort=sort,
        )
    ).parsed
