"""Background work of the backlog: rank rebalancing, off the request path."""

from __future__ import annotations

import asyncio

from fastapi import FastAPI
from sqlalchemy import func, select, text
from tpmhub_shared.db import Database
from tpmhub_shared.logging import get_logger

from requirements_svc.projects import repository as projects_repository
from requirements_svc.ranking import keys
from requirements_svc.ranking.service import projects_needing_rebalance, rebalance_ranks

log = get_logger(__name__)
INTERVAL_SECONDS = 60


async def rebalance_once(db: Database, *, max_length: int = keys.REBALANCE_LENGTH) -> list[str]:
    """Rewrite the ranks of every project whose keys grew long or collided; returns the projects done.
    Each project is one transaction holding its project row lock (moves take it shared, so none
    interleaves); on PostgreSQL an advisory lock keeps replicas from doing the same project twice."""
    async with db.session(write=False) as session:
        candidates = await projects_needing_rebalance(session, max_length=max_length)
    done = []
    for project_key in candidates:
        async with db.session() as session, session.begin():
            if session.get_bind().dialect.name == "postgresql":
                got = (
                    await session.execute(
                        select(func.pg_try_advisory_xact_lock(func.hashtext(text(":k")))),
                        {"k": f"rank-rebalance:{project_key}"},
                    )
                ).scalar_one()
                if not got:
                    continue
            await projects_repository.lock(session, project_key)
            if not await projects_needing_rebalance(session, project_key, max_length=max_length):
                continue
            count = await rebalance_ranks(session, project_key)
            log.info("ranks_rebalanced", project=project_key, items=count)
            done.append(project_key)
    return done


async def rank_rebalancer(app: FastAPI) -> None:
    while not app.state.stopping.is_set():
        try:
            await rebalance_once(app.state.db)
        except Exception:
            log.exception("rank_rebalance_failed")
        try:
            await asyncio.wait_for(app.state.stopping.wait(), timeout=INTERVAL_SECONDS)
        except TimeoutError:
            pass


WORKERS = [rank_rebalancer]
