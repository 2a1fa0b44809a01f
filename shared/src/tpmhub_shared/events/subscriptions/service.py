"""The rules of subscriptions: who may manage which, creating, changing, rotating the secret, deleting,
listing, the delivery log and redelivery."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from tpmhub_shared import history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_role
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.events.deliveries import (
    PENDING,
    DeliveryAttempt,
    DeliveryAttemptPublic,
    EventDelivery,
    replay_delivery,
)
from tpmhub_shared.events.subscriptions.formats import ROBOT_PLATFORMS
from tpmhub_shared.events.subscriptions.models import Subscription, project_label
from tpmhub_shared.events.subscriptions.schemas import SubscriptionCreate, SubscriptionUpdate
from tpmhub_shared.events.subscriptions.signing import new_signing_secret
from tpmhub_shared.netguard import UnsafeTarget, check_target
from tpmhub_shared.pagination import Page, paginate
from tpmhub_shared.patching import merge_patch
from tpmhub_shared.problems import Conflict, NotFound, UnprocessableEntity, field_error
from tpmhub_shared.settings import CommonSettings

RESOURCE = "subscription"


def _robot_secret_error(message: str) -> UnprocessableEntity:
    return UnprocessableEntity(message, errors=[field_error("body.robot_secret", message, "robot_secret")])


def _ensure_manage(principal: Principal, project_key: str | None) -> None:
    if project_key is None:
        ensure_role(principal, None, {"admin"}, action="manage subscriptions to every project")
    else:
        ensure_role(principal, project_key, PLANNERS, action="manage the project's subscriptions")


async def _check_url(url: str, settings: CommonSettings) -> None:
    try:
        await check_target(url, allow_private=settings.allow_private_targets)
    except UnsafeTarget as exc:
        raise UnprocessableEntity(
            f"The target URL is not allowed: {exc}.",
            errors=[field_error("body.url", str(exc), "url_not_allowed")],
        ) from exc


async def get_subscription(
    session: AsyncSession, *, principal: Principal, subscription_id: uuid.UUID
) -> Subscription:
    row = await session.get(Subscription, subscription_id)
    if row is None or not _may_manage(principal, row.project_key):
        raise NotFound(f"Subscription {subscription_id} does not exist.")
    return row


def _may_manage(principal: Principal, project_key: str | None) -> bool:
    if project_key is None:
        return principal.is_admin(None)
    return principal.can(project_key, PLANNERS)


async def create_subscription(
    session: AsyncSession, *, principal: Principal, data: SubscriptionCreate, settings: CommonSettings
) -> Subscription:
    _ensure_manage(principal, data.project_key)
    await _check_url(data.url, settings)
    if data.robot_secret is not None and data.format not in ROBOT_PLATFORMS:
        raise _robot_secret_error(
            f"A robot secret is for the dingtalk, feishu and feishu_card formats, not {data.format}."
        )
    row = Subscription(
        **data.model_dump(exclude={"robot_secret"}),
        robot_secret=data.robot_secret.get_secret_value() if data.robot_secret else None,
        secret="",
        created_by=principal.sub,
    )
    new_signing_secret(row)
    session.add(row)
    await history.record(
        session,
        principal=principal,
        project_key=project_label(row.project_key),
        resource_type=RESOURCE,
        resource_id=row.id,
        action="create",
        after=history.snapshot(row, _AUDITED),
    )
    await session.flush()
    return row


_AUDITED = [
    "url",
    "description",
    "event_types",
    "project_key",
    "format",
    "signature_scheme",
    "robot_signing",
    "active",
]


async def update_subscription(
    session: AsyncSession,
    *,
    principal: Principal,
    subscription_id: uuid.UUID,
    patch: SubscriptionUpdate,
    if_match: str | None,
    settings: CommonSettings,
) -> Subscription:
    row = await get_subscription(session, principal=principal, subscription_id=subscription_id)
    await lock_and_check(session, row, if_match)
    before = history.snapshot(row, _AUDITED)
    was_active = row.active
    old_platform = ROBOT_PLATFORMS.get(row.format)
    robot_sent = "robot_secret" in patch.model_fields_set
    fields = SubscriptionUpdate.model_validate(patch.model_dump(exclude_unset=True, exclude={"robot_secret"}))
    merge_patch(row, fields, required={"url", "event_types", "format", "description", "active"})
    if patch.url is not None:
        await _check_url(row.url, settings)
    new_platform = ROBOT_PLATFORMS.get(row.format)
    if robot_sent:
        if patch.robot_secret is not None and new_platform is None:
            raise _robot_secret_error(
                f"A robot secret is for the dingtalk, feishu and feishu_card formats, not {row.format}."
            )
        row.robot_secret = patch.robot_secret.get_secret_value() if patch.robot_secret else None
    elif row.robot_secret and new_platform != old_platform:
        raise _robot_secret_error(
            "The robot secret belongs to the previous platform: send a new `robot_secret` for "
            f"{row.format}, or null to remove it."
        )
    if row.active and not was_active:
        row.consecutive_failures = 0
        row.disabled_reason = None
        row.disabled_at = None
    await history.record(
        session,
        principal=principal,
        project_key=project_label(row.project_key),
        resource_type=RESOURCE,
        resource_id=row.id,
        action="update",
        before=before,
        after=history.snapshot(row, _AUDITED),
    )
    await session.flush()
    return row


async def rotate_secret(
    session: AsyncSession, *, principal: Principal, subscription_id: uuid.UUID, if_match: str | None
) -> Subscription:
    row = await get_subscription(session, principal=principal, subscription_id=subscription_id)
    await lock_and_check(session, row, if_match)
    new_signing_secret(row)  # v1a: a new key pair; the old public key stops verifying at once
    await history.record(
        session,
        principal=principal,
        project_key=project_label(row.project_key),
        resource_type=RESOURCE,
        resource_id=row.id,
        action="rotate_secret",
    )
    await session.flush()
    return row


async def delete_subscription(
    session: AsyncSession, *, principal: Principal, subscription_id: uuid.UUID, if_match: str | None
) -> None:
    row = await get_subscription(session, principal=principal, subscription_id=subscription_id)
    await lock_and_check(session, row, if_match)
    await session.execute(delete(EventDelivery).where(EventDelivery.subscription_id == row.id))
    await history.record(
        session,
        principal=principal,
        project_key=project_label(row.project_key),
        resource_type=RESOURCE,
        resource_id=row.id,
        action="delete",
        before=history.snapshot(row, _AUDITED),
    )
    await session.delete(row)
    await session.flush()


async def list_subscriptions(
    session: AsyncSession, *, principal: Principal, project_key: str | None, limit: int, cursor: str | None
) -> tuple[list[Subscription], str | None]:
    stmt = select(Subscription)
    if project_key is not None:
        stmt = stmt.where(Subscription.project_key == project_key)
    if not principal.is_admin(None):
        managed = [k for k, role in principal.roles.items() if k != "*" and principal.can(k, PLANNERS)]
        if principal.can(None, PLANNERS):  # a planner on every project manages every project's subscriptions
            stmt = stmt.where(Subscription.project_key.is_not(None))
        else:
            stmt = stmt.where(Subscription.project_key.in_(managed))
    return await paginate(
        session,
        stmt,
        order=[],
        id_column=Subscription.id,
        limit=limit,
        cursor=cursor,
        sort_key="subscriptions",
    )


async def list_attempts(
    session: AsyncSession, *, principal: Principal, subscription_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[DeliveryAttemptPublic]:
    await get_subscription(session, principal=principal, subscription_id=subscription_id)
    stmt = select(DeliveryAttempt).where(DeliveryAttempt.subscription_id == subscription_id)
    rows, next_cursor = await paginate(
        session, stmt, order=[], id_column=DeliveryAttempt.id, limit=limit, cursor=cursor, sort_key="attempts"
    )
    return Page[DeliveryAttemptPublic](
        items=[DeliveryAttemptPublic.model_validate(r) for r in rows], next_cursor=next_cursor
    )


async def redeliver(
    session: AsyncSession, *, principal: Principal, subscription_id: uuid.UUID, delivery_id: uuid.UUID
) -> EventDelivery:
    await get_subscription(session, principal=principal, subscription_id=subscription_id)
    delivery = await session.get(EventDelivery, delivery_id)
    if delivery is None:
        # The delivery log lists attempts: an attempt's own id names the delivery it belongs to.
        attempt = await session.get(DeliveryAttempt, delivery_id)
        if attempt is not None:
            delivery = await session.get(EventDelivery, attempt.delivery_id)
    if delivery is None or delivery.subscription_id != subscription_id:
        raise NotFound(f"Delivery {delivery_id} does not exist for this subscription.")
    if delivery.status == PENDING:
        raise Conflict(
            "The delivery is still pending; it will be attempted on its schedule.",
            delivery_status=delivery.status,
        )
    return await replay_delivery(session, delivery)
