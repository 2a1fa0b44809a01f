"""Scheduled rollout actions over HTTP: schedule, list, cancel."""

import uuid

from fastapi import APIRouter, Response, status
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.deps import Now, ReadSession, Session
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from release_svc.scheduling import service
from release_svc.scheduling.models import RolloutSchedule
from release_svc.scheduling.schemas import ScheduleCreate, SchedulePublic

router = APIRouter(tags=["rollouts"])


def schedule_public(row: RolloutSchedule) -> SchedulePublic:
    return SchedulePublic.model_validate(row, from_attributes=True)


@router.post(
    "/v1/rollouts/{rollout_id}/schedules",
    status_code=status.HTTP_201_CREATED,
    response_model=SchedulePublic,
    responses=responses(401, 403, 404, 409, 413, 422),
)
async def create_rollout_schedule(
    rollout_id: uuid.UUID,
    body: ScheduleCreate,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
) -> SchedulePublic:
    """Start or advance the rollout at a given time (who may steer it: the stage's operator or a
    tpm/admin). Inside a freeze window of the rollout's environment without an approved exception: 409
    `freeze-window`, now and again when due. When due the scheduler acts as you, with the action's rules."""
    row = await service.create_schedule(
        session, principal=principal, rollout_id=rollout_id, body=body, now=now
    )
    response.headers["Location"] = f"/v1/rollouts/{rollout_id}/schedules/{row.id}"
    return schedule_public(row)


@router.get(
    "/v1/rollouts/{rollout_id}/schedules",
    response_model=Page[SchedulePublic],
    responses=responses(401, 404, 422),
)
async def list_rollout_schedules(
    rollout_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[SchedulePublic]:
    """The rollout's scheduled actions, oldest first, with their status and failure reasons."""
    rows, next_cursor = await service.list_schedules(
        session, principal=principal, rollout_id=rollout_id, limit=limit, cursor=cursor
    )
    return Page[SchedulePublic](items=[schedule_public(r) for r in rows], next_cursor=next_cursor)


@router.delete(
    "/v1/rollouts/{rollout_id}/schedules/{schedule_id}",
    response_model=SchedulePublic,
    responses=responses(401, 403, 404, 409, 422),
)
async def cancel_rollout_schedule(
    rollout_id: uuid.UUID,
    schedule_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
) -> SchedulePublic:
    """Cancel a pending scheduled action (whoever scheduled it, the stage's operator or a tpm/admin); it
    stays listed as cancelled. One that ran already is 409."""
    row = await service.cancel_schedule(
        session, principal=principal, rollout_id=rollout_id, schedule_id=schedule_id, now=now
    )
    return schedule_public(row)
