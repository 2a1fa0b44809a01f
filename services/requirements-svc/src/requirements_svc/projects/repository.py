"""Queries of the projects table that other domains need: the project row, its item counter, its lock."""

from __future__ import annotations

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import fast_reads
from tpmhub_shared.problems import NotFound

from requirements_svc.projects.models import Project

_PROJECT_ID = select(Project.__table__.c.id).where(Project.__table__.c.key == bindparam("key"))


async def get_project_row(session: AsyncSession, project_key: str) -> Project:
    project = (await session.execute(select(Project).where(Project.key == project_key))).scalar_one_or_none()
    if project is None:
        raise NotFound(f"Project {project_key} does not exist.")
    return project


async def ensure_project(session: AsyncSession, project_key: str) -> None:
    """404 unless the project exists: one indexed probe, no ORM instance (the list path's first query)."""
    if (await session.execute(_PROJECT_ID, {"key": project_key})).first() is None:
        raise NotFound(f"Project {project_key} does not exist.")


_PROJECT_EXISTS = fast_reads.Statement("SELECT 1 FROM projects WHERE key = $1")


async def fast_ensure_project(session: AsyncSession, project_key: str) -> None:
    """`ensure_project` on the driver connection (the fast list's first query)."""
    if await fast_reads.fetch_one(session, _PROJECT_EXISTS, project_key) is None:
        raise NotFound(f"Project {project_key} does not exist.")


async def allocate_item_numbers(session: AsyncSession, project_key: str, count: int) -> list[int]:
    """Next `count` item numbers of the project: an UPDATE … RETURNING under the project row's lock, so
    concurrent creates queue on that row and numbers stay gap-free (a rollback returns them)."""
    stmt = (
        update(Project.__table__)
        .where(Project.__table__.c.key == project_key)
        .values(item_seq=Project.__table__.c.item_seq + count)
        .returning(Project.__table__.c.item_seq)
    )
    last = (await session.execute(stmt)).scalar_one_or_none()
    if last is None:
        raise NotFound(f"Project {project_key} does not exist.")
    return list(range(last - count + 1, last + 1))


async def lock(session: AsyncSession, project_key: str, *, shared: bool = False) -> None:
    """Lock the project row (`shared`: FOR SHARE, so holders run side by side and an exclusive one waits)."""
    stmt = select(Project.id).where(Project.key == project_key)
    await session.execute(stmt.with_for_update(read=True) if shared else stmt.with_for_update())
