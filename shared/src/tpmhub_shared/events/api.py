"""HTTP for events, mounted in every service: the sibling receiver (`POST /v1/events`), dead letters and
replay (`/v1/event-deliveries`), and outbound webhook subscriptions (`/v1/subscriptions`)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response, status

from tpmhub_shared.auth import CurrentPrincipal, ServicePrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import ReadSession, Session
from tpmhub_shared.events import deliveries, inbox
from tpmhub_shared.events.deliveries import DeliveryAttemptPublic, EventDeliveryPublic
from tpmhub_shared.events.envelope import CloudEvent
from tpmhub_shared.events.inbox import EventReceipt
from tpmhub_shared.events.subscriptions import service as subs
from tpmhub_shared.events.subscriptions.schemas import (
    SubscriptionCreate,
    SubscriptionPublic,
    SubscriptionUpdate,
    SubscriptionWithSecret,
)
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

events_router = APIRouter(prefix="/v1", tags=["events"])
subscriptions_router = APIRouter(prefix="/v1/subscriptions", tags=["subscriptions"])

TAGS = [
    {
        "name": "events",
        "description": "Events between TPM Hub services (CloudEvents 1.0), dead letters and replay.",
    },
    {
        "name": "subscriptions",
        "description": "Outbound webhooks signed per Standard Webhooks, with chat formats.",
    },
]


@events_router.post("/events", response_model=EventReceipt, responses=responses(400, 401, 403, 413, 422, 503))
async def receive_event(
    event: CloudEvent, session: Session, principal: ServicePrincipal, request: Request
) -> EventReceipt:
    """Receive one event from a sibling service (service token only). Idempotent by (source, id): a
    repeat is answered `duplicate` and changes nothing; a type this service does not handle is
    acknowledged and recorded as `ignored`."""
    return await inbox.receive(session, event=event, handlers=request.app.state.event_handlers)


@events_router.get(
    "/event-deliveries", response_model=Page[EventDeliveryPublic], responses=responses(401, 403, 422)
)
async def list_event_deliveries(
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    status: Annotated[
        Literal["pending", "delivered", "dead"] | None, Query(description="`dead` lists the dead letters.")
    ] = None,
    target: Annotated[
        str | None, Query(max_length=60, description="`sibling:risk` or `subscription:<id>`")
    ] = None,
    event_type: Annotated[str | None, Query(max_length=100)] = None,
) -> Page[EventDeliveryPublic]:
    """Deliveries of this service's events to siblings and subscribers, oldest first (admins)."""
    rows, next_cursor = await deliveries.list_deliveries(
        session,
        principal=principal,
        status=status,
        target=target,
        event_type=event_type,
        limit=limit,
        cursor=cursor,
    )
    return Page[EventDeliveryPublic](
        items=[EventDeliveryPublic.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@events_router.post(
    "/event-deliveries/{delivery_id}/replay",
    response_model=EventDeliveryPublic,
    responses=responses(401, 403, 404, 409, 422),
)
async def replay_event_delivery(
    delivery_id: uuid.UUID, session: Session, principal: CurrentPrincipal
) -> EventDeliveryPublic:
    """Send a dead-lettered (or delivered) event to its target again, from the first retry step (admins)."""
    row = await deliveries.replay(session, principal=principal, delivery_id=delivery_id)
    return EventDeliveryPublic.model_validate(row)


# ---- subscriptions ------------------------------------------------------------------------------------


@subscriptions_router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=SubscriptionWithSecret,
    responses=responses(401, 403, 409, 413, 422),
)
async def create_subscription(
    body: SubscriptionCreate,
    session: Session,
    principal: CurrentPrincipal,
    request: Request,
    response: Response,
) -> SubscriptionWithSecret:
    """Subscribe a URL to events (admin, pm or tpm of the project; every project: admin). The answer
    carries the signing secret, shown only this once."""
    row = await subs.create_subscription(
        session, principal=principal, data=body, settings=request.app.state.settings.common
    )
    set_etag(response, row.version)
    response.headers["Location"] = f"/v1/subscriptions/{row.id}"
    return SubscriptionWithSecret.of(row)


@subscriptions_router.get("", response_model=Page[SubscriptionPublic], responses=responses(401, 422))
async def list_subscriptions(
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    project_key: Annotated[str | None, Query(max_length=10, pattern=r"^[A-Z][A-Z0-9]{1,9}$")] = None,
) -> Page[SubscriptionPublic]:
    """Subscriptions the caller manages, oldest first."""
    rows, next_cursor = await subs.list_subscriptions(
        session, principal=principal, project_key=project_key, limit=limit, cursor=cursor
    )
    return Page[SubscriptionPublic](
        items=[SubscriptionPublic.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@subscriptions_router.get(
    "/{subscription_id}", response_model=SubscriptionPublic, responses=responses(401, 404, 422)
)
async def get_subscription(
    subscription_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal, response: Response
) -> SubscriptionPublic:
    row = await subs.get_subscription(session, principal=principal, subscription_id=subscription_id)
    set_etag(response, row.version)
    return SubscriptionPublic.model_validate(row)


@subscriptions_router.patch(
    "/{subscription_id}", response_model=SubscriptionPublic, responses=responses(401, 404, 412, 413, 422)
)
async def update_subscription(
    subscription_id: uuid.UUID,
    body: SubscriptionUpdate,
    session: Session,
    principal: CurrentPrincipal,
    request: Request,
    response: Response,
    if_match: IfMatch = None,
) -> SubscriptionPublic:
    """Change a subscription (merge patch); `active: true` re-enables one that was disabled."""
    row = await subs.update_subscription(
        session,
        principal=principal,
        subscription_id=subscription_id,
        patch=body,
        if_match=if_match,
        settings=request.app.state.settings.common,
    )
    set_etag(response, row.version)
    return SubscriptionPublic.model_validate(row)


@subscriptions_router.delete(
    "/{subscription_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=responses(401, 404, 412, 422),
)
async def delete_subscription(
    subscription_id: uuid.UUID, session: Session, principal: CurrentPrincipal, if_match: IfMatch = None
) -> Response:
    """Delete a subscription and its pending deliveries."""
    await subs.delete_subscription(
        session, principal=principal, subscription_id=subscription_id, if_match=if_match
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@subscriptions_router.post(
    "/{subscription_id}/rotate-secret",
    response_model=SubscriptionWithSecret,
    responses=responses(401, 404, 412, 422),
)
async def rotate_subscription_secret(
    subscription_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> SubscriptionWithSecret:
    """Replace the signing secret; the new one is shown only in this answer."""
    row = await subs.rotate_secret(
        session, principal=principal, subscription_id=subscription_id, if_match=if_match
    )
    set_etag(response, row.version)
    return SubscriptionWithSecret.of(row)


@subscriptions_router.get(
    "/{subscription_id}/deliveries",
    response_model=Page[DeliveryAttemptPublic],
    responses=responses(401, 404, 422),
)
async def list_subscription_deliveries(
    subscription_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[DeliveryAttemptPublic]:
    """The delivery log: every attempt with status, duration and an excerpt of the answer, oldest first."""
    return await subs.list_attempts(
        session, principal=principal, subscription_id=subscription_id, limit=limit, cursor=cursor
    )


@subscriptions_router.post(
    "/{subscription_id}/deliveries/{delivery_id}/redeliver",
    response_model=EventDeliveryPublic,
    status_code=status.HTTP_202_ACCEPTED,
    responses=responses(401, 404, 409, 422),
)
async def redeliver_subscription_delivery(
    subscription_id: uuid.UUID, delivery_id: uuid.UUID, session: Session, principal: CurrentPrincipal
) -> EventDeliveryPublic:
    """Send one event to the subscriber again (it keeps its `webhook-id`, so the receiver can deduplicate).
    `delivery_id` is the delivery's id or the `id` of any of its rows in the delivery log."""
    row = await subs.redeliver(
        session, principal=principal, subscription_id=subscription_id, delivery_id=delivery_id
    )
    return EventDeliveryPublic.model_validate(row)


ROUTERS = [events_router, subscriptions_router]
