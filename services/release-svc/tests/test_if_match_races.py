"""Many writers sending the same If-Match at once: exactly one wins, every other one gets 412 and the
resource moves exactly one step. Real concurrency: each request has its own database connection
(PostgreSQL row locks; on SQLite the write transactions queue, which must give the same answers)."""

import asyncio
import uuid

import pytest
from release_helpers import ready_release
from release_svc.releases.models import Release
from sqlalchemy import func, select
from tpmhub_shared.db import Database
from tpmhub_shared.events import OutboxEvent

N = 12


@pytest.fixture
async def db(client, release_settings):
    database = Database(release_settings.database_url)
    yield database
    await database.dispose()


async def race(client, method, url, headers, bodies):
    """The same request with the same If-Match from N writers at once (`bodies[i]` for writer i)."""
    return await asyncio.gather(*(client.request(method, url, json=body, headers=headers) for body in bodies))


def one_winner(answers):
    """The single 200; the others are 412 problems naming the version the winner made."""
    codes = sorted(r.status_code for r in answers)
    assert codes == [200] + [412] * (len(answers) - 1), [(r.status_code, r.text) for r in answers]
    (winner,) = [r for r in answers if r.status_code == 200]
    made = int(winner.headers["etag"].strip('"'))
    for r in answers:
        if r.status_code == 412:
            # Checked on the row read under the lock, after the winner committed: not a failed write.
            assert r.json()["type"].endswith("precondition-failed")
            assert r.json()["current_version"] == made, r.text
    return winner


async def events(db, subject: str, type_: str) -> int:
    async with db.session(write=False) as session:
        return (
            await session.execute(
                select(func.count())
                .select_from(OutboxEvent)
                .where(OutboxEvent.subject == subject, OutboxEvent.type == type_)
            )
        ).scalar_one()


async def history(client, auth, url: str) -> list[str]:
    r = await client.get(f"{url}/history", headers=auth())
    assert r.status_code == 200, r.text
    return [h["action"] for h in r.json()["items"]]


async def make_release(client, auth, db=None, *, status=None) -> dict:
    r = await client.post(
        "/v1/projects/PAY/releases",
        json={"version": f"1.{uuid.uuid4().int % 10_000}.0", "approvers": ["carol"]},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201, r.text
    release = r.json()
    if status is not None:
        # Setup only: put the release straight into the wanted state.
        async with db.session() as session, session.begin():
            row = await session.get(Release, uuid.UUID(release["id"]))
            row.status = status
    return release


async def etag_of(client, auth, url: str) -> str:
    r = await client.get(url, headers=auth())
    assert r.status_code == 200, r.text
    return r.headers["etag"]


# ---- rollouts ------------------------------------------------------------------------------------------


def stages(*percents):
    return [
        {"percent": p, "min_hold_seconds": 0, "operator": "bob", "guardrails": [], "auto_advance": False}
        for p in percents
    ]


async def rollout_in(client, auth, status: str) -> dict:
    """A rollout of 5/25/50/100 % of a gate-ready release: a draft, or started, then paused or advanced to
    its last stage if asked (advance asks the gate, so the siblings are wired and the release passes every
    check)."""
    release_id = await ready_release(client, auth, [], version=f"2.{uuid.uuid4().int % 10_000}.0")
    r = await client.post(
        f"/v1/releases/{release_id}/rollouts",
        json={"stages": stages(5, 25, 50, 100)},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201, r.text
    rid = r.json()["id"]
    if status == "draft":
        return r.json()
    r = await client.post(f"/v1/rollouts/{rid}/start", headers=auth("tpm", "PAY"))
    assert r.status_code == 200, r.text
    if status == "last":
        for _ in range(3):
            r = await client.post(f"/v1/rollouts/{rid}/advance", headers=auth("tpm", "PAY"))
            assert r.status_code == 200, r.text
    if status == "paused":
        r = await client.post(f"/v1/rollouts/{rid}/pause", headers=auth("tpm", "PAY"))
        assert r.status_code == 200, r.text
    return r.json()


@pytest.mark.parametrize(
    ("action", "start", "status", "stage", "event"),
    [
        ("advance", "running", "running", 1, "rollout.stage_changed"),
        ("pause", "running", "paused", 0, "rollout.paused"),
        ("resume", "paused", "running", 0, "rollout.resumed"),
        ("rollback", "running", "rolled_back", 0, "rollout.rolled_back"),
        ("start", "draft", "running", 0, "rollout.started"),
        ("complete", "last", "completed", 3, "rollout.completed"),
    ],
)
async def test_rollout_action_with_one_if_match_happens_once(
    client, auth, db, wired, action, start, status, stage, event
):
    rollout = await rollout_in(client, auth, start)
    url = f"/v1/rollouts/{rollout['id']}"
    etag = await etag_of(client, auth, url)
    events_before = await events(db, rollout["id"], event)
    answers = await race(
        client, "POST", f"{url}/{action}", {**auth("tpm", "PAY"), "If-Match": etag}, [None] * N
    )
    winner = one_winner(answers)
    now = (await client.get(url, headers=auth())).json()
    assert now["status"] == status and now["current_stage"] == stage
    assert now["current_percent"] == (0 if action == "rollback" else [5, 25, 50, 100][stage])
    assert await etag_of(client, auth, url) == winner.headers["etag"]
    assert await events(db, rollout["id"], event) == events_before + 1


@pytest.mark.parametrize("start", ["draft", "running", "paused"])
async def test_rollout_abort_with_one_if_match_happens_once(client, auth, db, wired, start):
    rollout = await rollout_in(client, auth, start)
    url = f"/v1/rollouts/{rollout['id']}"
    etag = await etag_of(client, auth, url)
    answers = await race(
        client,
        "POST",
        f"{url}/abort",
        {**auth("tpm", "PAY"), "If-Match": etag},
        [{"reason": f"stop {i}"} for i in range(N)],
    )
    winner = one_winner(answers)
    now = (await client.get(url, headers=auth())).json()
    assert now["status"] == "aborted" and now["current_percent"] == 0
    assert now["abort_reason"] == winner.json()["abort_reason"]
    assert await etag_of(client, auth, url) == winner.headers["etag"]
    assert await events(db, rollout["id"], "rollout.aborted") == 1


async def test_rollout_draft_patch_with_one_if_match_happens_once(client, auth, db, wired):
    rollout = await rollout_in(client, auth, "draft")
    url = f"/v1/rollouts/{rollout['id']}"
    etag = await etag_of(client, auth, url)
    answers = await race(
        client, "PATCH", url, {**auth("tpm", "PAY"), "If-Match": etag}, [{"name": f"R{i}"} for i in range(N)]
    )
    winner = one_winner(answers)
    now = (await client.get(url, headers=auth())).json()
    assert now["name"] == winner.json()["name"]
    assert await etag_of(client, auth, url) == winner.headers["etag"]
    assert await events(db, rollout["id"], "rollout.updated") == 1


# ---- releases ------------------------------------------------------------------------------------------


async def test_release_patch_with_one_if_match_happens_once(client, auth, db):
    release = await make_release(client, auth)
    url = f"/v1/releases/{release['id']}"
    etag = await etag_of(client, auth, url)
    answers = await race(
        client, "PATCH", url, {**auth("tpm", "PAY"), "If-Match": etag}, [{"name": f"N{i}"} for i in range(N)]
    )
    winner = one_winner(answers)
    now = (await client.get(url, headers=auth())).json()
    assert now["name"] == winner.json()["name"]
    assert await etag_of(client, auth, url) == winner.headers["etag"]
    assert await history(client, auth, url) == ["create", "update"]


@pytest.mark.parametrize(
    ("action", "status", "event"),
    [("submit", "in_review", "release.in_review"), ("cancel", "cancelled", "release.cancelled")],
)
async def test_release_action_with_one_if_match_happens_once(client, auth, db, action, status, event):
    release = await make_release(client, auth)
    url = f"/v1/releases/{release['id']}"
    etag = await etag_of(client, auth, url)
    answers = await race(
        client, "POST", f"{url}/{action}", {**auth("tpm", "PAY"), "If-Match": etag}, [None] * N
    )
    winner = one_winner(answers)
    now = (await client.get(url, headers=auth())).json()
    assert now["status"] == status and now["review_round"] == (1 if action == "submit" else 0)
    assert await etag_of(client, auth, url) == winner.headers["etag"]
    assert await events(db, release["id"], event) == 1


async def test_checklist_item_patch_with_one_if_match_happens_once(client, auth, db):
    release = await make_release(client, auth)
    items = (await client.get(f"/v1/releases/{release['id']}/checklist", headers=auth())).json()
    url = f"/v1/releases/{release['id']}/checklist/{items[0]['id']}"
    headers = {**auth("tpm", "PAY"), "If-Match": f'"{items[0]["version"]}"'}
    answers = await race(client, "PATCH", url, headers, [{"note": f"note {i}"} for i in range(N)])
    winner = one_winner(answers)
    now = [
        i
        for i in (await client.get(f"/v1/releases/{release['id']}/checklist", headers=auth())).json()
        if i["id"] == items[0]["id"]
    ][0]
    assert now["note"] == winner.json()["note"] and now["version"] == items[0]["version"] + 1
