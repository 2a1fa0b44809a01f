"""Project rules and transactions."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_read, ensure_role
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.pagination import paginate, parse_sort
from tpmhub_shared.patching import merge_patch
from tpmhub_shared.problems import Conflict, NotFound

from requirements_svc.projects.models import Project
from requirements_svc.projects.schemas import ProjectCreate, ProjectUpdate

RESOURCE = "project"
SOURCE = "/tpmhub/requirements-svc"
_SORTS = {
    "key": Project.key,
    "created": Project.created_at,
    "updated": Project.updated_at,
    "name": Project.name,
}


async def get_project(session: AsyncSession, *, principal: Principal, key: str) -> Project:
    ensure_read(principal, key)
    project = (await session.execute(select(Project).where(Project.key == key))).scalar_one_or_none()
    if project is None:
        raise NotFound(f"Project {key} does not exist.")
    return project


async def create_project(session: AsyncSession, *, principal: Principal, data: ProjectCreate) -> Project:
    ensure_role(principal, data.key, PLANNERS, action="create a project")
    exists = await session.execute(select(Project.id).where(Project.key == data.key))
    if exists.first() is not None:
        raise Conflict(f"Project {data.key} already exists.")
    project = Project(**data.model_dump())
    session.add(project)
    await history.record(
        session,
        principal=principal,
        project_key=project.key,
        resource_type=RESOURCE,
        resource_id=project.key,
        action="create",
        after=history.snapshot(project),
    )
    # The siblings keep a directory of projects (tpmhub_shared.project_directory) fed by this event.
    events.emit(
        session,
        source=SOURCE,
        type="project.created",
        subject=project.key,
        project_key=project.key,
        data={
            "key": project.key,
            "project_key": project.key,
            "name": project.name,
            "status": project.status,
            "owner": project.owner,
            "created_by": principal.sub,
            "created_at": project.created_at,
        },
    )
    await session.flush()
    return project


async def update_project(
    session: AsyncSession, *, principal: Principal, key: str, patch: ProjectUpdate, if_match: str | None
) -> Project:
    project = await get_project(session, principal=principal, key=key)
    ensure_role(principal, key, PLANNERS, action="edit the project")
    await lock_and_check(session, project, if_match)
    before = history.snapshot(project)
    merge_patch(project, patch, required={"name", "background", "goals", "scope", "status"})
    await history.record(
        session,
        principal=principal,
        project_key=key,
        resource_type=RESOURCE,
        resource_id=key,
        action="update",
        before=before,
        after=history.snapshot(project),
    )
    await session.flush()
    return project


async def list_projects(
    session: AsyncSession,
    *,
    principal: Principal,
    status: str | None,
    sort: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Project], str | None]:
    sort_key, order = parse_sort(sort, _SORTS, "key")
    stmt = select(Project)
    visible = principal.visible_projects()
    if visible is not None:
        stmt = stmt.where(Project.key.in_(visible))
    if status:
        stmt = stmt.where(Project.status == status)
    return await paginate(
        session, stmt, order=order, id_column=Project.id, limit=limit, cursor=cursor, sort_key=sort_key
    )
