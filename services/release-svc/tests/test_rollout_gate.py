"""The gate guards the rollout: start, advance, complete and the scheduler's automatic advance ask the release
gate for the rollout's environment; a denial refuses (409, nothing written) or holds the stage (scheduler),
and only an audited tpm/admin override goes past it. A state machine walks every path against a model."""

import asyncio
import itertools
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from release_helpers import ready_release
from release_svc.scheduling import workers
from sqlalchemy import select
from tpmhub_shared.db import Database
from tpmhub_shared.events import OutboxEvent
from tpmhub_shared.testing.plugin import learn_projects

_projects = itertools.count(1)


@pytest.fixture
async def db(client, release_settings):
    database = Database(release_settings.database_url)
    yield database
    await database.dispose()


@pytest.fixture
def scheduler_app(db, client, wired):
    app = client._transport.app
    return SimpleNamespace(
        state=SimpleNamespace(
            db=db, stopping=asyncio.Event(), siblings=app.state.siblings, settings=app.state.settings
        )
    )


def stages(n=3, auto=False):
    return [
        {"percent": p, "operator": "bob", "min_hold_seconds": 0, "auto_advance": auto}
        for p in (10, 50, 100)[-n:]
    ]


async def rollout_for(client, auth, rid, project="PAY", environment="production", auto=False) -> str:
    r = await client.post(
        f"/v1/releases/{rid}/rollouts",
        json={"stages": stages(auto=auto), "environment": environment},
        headers=auth("tpm", project),
    )
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def freeze(client, auth, environments, project="PAY", name="Year end") -> dict:
    now = datetime.now(UTC)
    r = await client.post(
        f"/v1/projects/{project}/freeze-windows",
        headers=auth("tpm", project),
        json={
            "name": name,
            "starts_at": (now - timedelta(hours=1)).isoformat(),
            "ends_at": (now + timedelta(hours=2)).isoformat(),
            "environments": environments,
        },
    )
    assert r.status_code == 201, r.text
    return r.json()


async def history(client, auth, ro, project="PAY") -> list[dict]:
    r = await client.get(f"/v1/rollouts/{ro}/history", params={"limit": 200}, headers=auth("viewer", project))
    return r.json()["items"]


async def events_of(db, subject) -> list[tuple[str, dict]]:
    async with db.session(write=False) as session:
        rows = await session.execute(
            select(OutboxEvent.type, OutboxEvent.data)
            .where(OutboxEvent.subject == subject)
            .order_by(OutboxEvent.id)
        )
        return list(rows.all())


# ---- examples ------------------------------------------------------------------------------------------


async def test_freeze_on_production_refuses_a_start_on_prod_with_nothing_written(client, auth, wired, db):
    rid = await ready_release(client, auth, [])
    ro = await rollout_for(client, auth, rid, environment="prod")
    got = (await client.get(f"/v1/rollouts/{ro}", headers=auth("viewer", "PAY"))).json()
    assert got["environment"] == "production"
    window = await freeze(client, auth, ["production"])
    before_history, before_events = await history(client, auth, ro), await events_of(db, ro)
    r = await client.post(f"/v1/rollouts/{ro}/start", headers=auth("engineer", "PAY", sub="bob"))
    assert r.status_code == 409, r.text
    problem = r.json()
    assert problem["type"].endswith("/gate-denied") and problem["environment"] == "production"
    [check] = problem["checks"]
    assert check["name"] == "freeze" and check["offending_ids"] == [window["id"]]
    assert "Year end" in check["reason"]
    after = (await client.get(f"/v1/rollouts/{ro}", headers=auth("viewer", "PAY"))).json()
    assert after["status"] == "draft" and after["revision"] == got["revision"]
    release = (await client.get(f"/v1/releases/{rid}", headers=auth("viewer", "PAY"))).json()
    assert release["status"] == "approved"
    assert await history(client, auth, ro) == before_history and await events_of(db, ro) == before_events
    decisions = (await client.get(f"/v1/releases/{rid}/gate-decisions", headers=auth("viewer", "PAY"))).json()
    assert decisions["items"] == []


async def test_override_needs_tpm_and_a_reason_and_is_recorded_everywhere(client, auth, wired, db):
    rid = await ready_release(client, auth, [])
    ro = await rollout_for(client, auth, rid)
    await freeze(client, auth, ["prd"])
    override = {"override_gate": {"reason": "Payment outage hotfix, freeze owner agreed"}}
    # The stage operator is an engineer: not enough to override.
    bob = auth("engineer", "PAY", sub="bob")
    r = await client.post(f"/v1/rollouts/{ro}/start", json=override, headers=bob)
    assert r.status_code == 403, r.text
    for blank in ("", "   "):
        r = await client.post(
            f"/v1/rollouts/{ro}/start", json={"override_gate": {"reason": blank}}, headers=auth("tpm", "PAY")
        )
        assert r.status_code == 422, r.text
    r = await client.post(f"/v1/rollouts/{ro}/start", json={"override_gate": {}}, headers=auth("tpm", "PAY"))
    assert r.status_code == 422
    r = await client.post(f"/v1/rollouts/{ro}/start", json=override, headers=auth("tpm", "PAY", sub="tina"))
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "running"
    entries = await history(client, auth, ro)
    [entry] = [e for e in entries if e["action"] == "override_gate"]
    assert entry["actor"] == "tina" and entry["note"] == override["override_gate"]["reason"]
    changes = {c["field"]: c["after"] for c in entry["changes"]}
    assert [c["name"] for c in changes["failed_checks"]] == ["freeze"]
    assert changes["environment"] == "production"
    [started] = [d for t, d in await events_of(db, ro) if t == "rollout.started"]
    assert started["gate"]["overridden"] is True and started["gate"]["override_reason"].startswith("Payment")
    [decision] = (
        await client.get(f"/v1/releases/{rid}/gate-decisions", headers=auth("viewer", "PAY"))
    ).json()["items"]
    assert decision["allowed"] is False and decision["action"] == "rollout.start"
    assert decision["rollout_id"] == ro
    assert decision["override"] == {"by": "tina", "reason": override["override_gate"]["reason"]}
    # Advancing is denied again (the freeze still holds) until overridden again.
    r = await client.post(f"/v1/rollouts/{ro}/advance", headers=auth("engineer", "PAY", sub="bob"))
    assert r.status_code == 409 and r.json()["checks"][0]["name"] == "freeze"
    # The retrospective (which the closing archive fetches) names the override.
    retro = await client.post(f"/v1/releases/{rid}/retrospective", json={}, headers=auth("tpm", "PAY"))
    assert retro.status_code == 201, retro.text
    [o] = retro.json()["facts"]["gate"]["overrides"]
    assert o["by"] == "tina" and o["failed_checks"] == ["freeze"] and o["action"] == "rollout.start"
    assert any("overridden by tina" in line for line in retro.json()["went_badly"])


async def test_override_sent_when_the_gate_allows_is_not_an_override(client, auth, wired):
    rid = await ready_release(client, auth, [])
    ro = await rollout_for(client, auth, rid)
    body = {"override_gate": {"reason": "just in case"}}
    r = await client.post(f"/v1/rollouts/{ro}/start", json=body, headers=auth("tpm", "PAY"))
    assert r.status_code == 200
    assert not [e for e in await history(client, auth, ro) if e["action"] == "override_gate"]
    [decision] = (await client.get(f"/v1/releases/{rid}/gate-decisions", headers=auth())).json()["items"]
    assert decision["allowed"] is True and decision["override"] is None


async def test_pending_checklist_item_denies_advance_and_complete(client, auth, wired):
    rid = await ready_release(client, auth, [])
    r = await client.post(
        f"/v1/releases/{rid}/rollouts", json={"stages": stages(2)}, headers=auth("tpm", "PAY")
    )
    ro = r.json()["id"]
    assert (await client.post(f"/v1/rollouts/{ro}/start", headers=auth("tpm", "PAY"))).status_code == 200
    item = (await client.get(f"/v1/releases/{rid}/checklist", headers=auth())).json()[0]
    r = await client.patch(
        f"/v1/releases/{rid}/checklist/{item['id']}", json={"status": "pending"}, headers=auth("qa", "PAY")
    )
    assert r.status_code == 200, r.text
    r = await client.post(f"/v1/rollouts/{ro}/advance", headers=auth("engineer", "PAY", sub="bob"))
    assert r.status_code == 409 and [c["name"] for c in r.json()["checks"]] == ["checklist"]
    assert r.json()["checks"][0]["offending_ids"] == [item["id"]]
    r = await client.post(
        f"/v1/rollouts/{ro}/advance",
        json={"override_gate": {"reason": "item is tracked in the incident"}},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 200 and r.json()["current_percent"] == 100
    r = await client.post(f"/v1/rollouts/{ro}/complete", headers=auth("engineer", "PAY", sub="bob"))
    assert r.status_code == 409 and r.json()["action"] == "complete"
    await client.patch(
        f"/v1/releases/{rid}/checklist/{item['id']}",
        json={"status": "done", "evidence_url": "https://wiki.example.com/x"},
        headers=auth("qa", "PAY"),
    )
    r = await client.post(f"/v1/rollouts/{ro}/complete", headers=auth("engineer", "PAY", sub="bob"))
    assert r.status_code == 200 and r.json()["status"] == "completed"


async def test_a_sibling_that_does_not_answer_denies_the_start(client, auth, wired, common_settings):
    from release_helpers import _client

    rid = await ready_release(client, auth, [])
    ro = await rollout_for(client, auth, rid)
    wired.set("risk", _client("risk", common_settings, url="http://127.0.0.1:9"))
    r = await client.post(f"/v1/rollouts/{ro}/start", headers=auth("tpm", "PAY"))
    assert r.status_code == 409
    [check] = r.json()["checks"]
    assert check["name"] == "risks" and "fail closed" in check["reason"]


async def test_the_scheduler_holds_a_denied_advance_records_it_once_and_moves_when_allowed(
    client, auth, wired, db, scheduler_app
):
    rid = await ready_release(client, auth, [])
    ro = await rollout_for(client, auth, rid, auto=True)
    assert (await client.post(f"/v1/rollouts/{ro}/start", headers=auth("tpm", "PAY"))).status_code == 200
    window = await freeze(client, auth, ["prod"])
    now = datetime.now(UTC) + timedelta(seconds=1)
    for i in range(3):
        assert await workers.run_due(scheduler_app, now + timedelta(seconds=31 * i)) == []
    got = (await client.get(f"/v1/rollouts/{ro}", headers=auth())).json()
    assert got["current_percent"] == 10 and got["status"] == "running"
    assert got["gate_hold"]["environment"] == "production"
    assert [c["name"] for c in got["gate_hold"]["checks"]] == ["freeze"]
    holds = [e for e in await history(client, auth, ro) if e["action"] == "gate_hold"]
    assert len(holds) == 1 and "freeze" in holds[0]["note"]
    held = [d for t, d in await events_of(db, ro) if t == "rollout.gate_held"]
    assert len(held) == 1 and held[0]["checks"][0]["offending_ids"] == [window["id"]]
    r = await client.delete(f"/v1/freeze-windows/{window['id']}", headers=auth("tpm", "PAY"))
    assert r.status_code == 204, r.text
    assert await workers.run_due(scheduler_app, now + timedelta(seconds=200)) != []
    moved = (await client.get(f"/v1/rollouts/{ro}", headers=auth())).json()
    assert moved["current_percent"] == 50 and moved["gate_hold"] is None
    [changed] = [d for t, d in await events_of(db, ro) if t == "rollout.stage_changed"]
    assert changed["automatic"] is True and changed["gate"]["allowed"] is True


# ---- the state machine ---------------------------------------------------------------------------------

PEOPLE = {"tina": "tpm", "bob": "engineer", "vic": "viewer"}  # bob operates every stage
ALIASES = {
    "production": "production",
    "prod": "production",
    "prd": "production",
    "staging": "staging",
    "stg": "staging",
}


class GateMachine(RuleBasedStateMachine):
    """Freezes (named by aliases too), checklist items going back to pending, manual actions by people
    with and without an override, and scheduler passes, in any order. The model predicts for each step
    whether the gate allows; the rollout must move exactly when the gate allows or a tpm/admin overrode,
    and a refusal must leave nothing written."""

    ctx: SimpleNamespace  # set by the test

    def run(self, coro):
        return asyncio.run_coroutine_threadsafe(coro, self.ctx.loop).result(timeout=60)

    def req(self, method, path, who="tina", **kw):
        c = self.ctx
        headers = c.auth(PEOPLE[who], self.project, sub=who)
        return self.run(c.client.request(method, path, headers=headers, **kw))

    @initialize(environment=st.sampled_from(["production", "prod", "prd"]))
    def setup(self, environment):
        c = self.ctx
        self.project = f"G{next(_projects)}"
        self.run(learn_projects(c.client, c.auth(service="requirements-svc"), self.project))
        self.rid = self.run(ready_release(c.client, c.auth, [], version="1.0.0", project=self.project))
        r = self.req(
            "POST",
            f"/v1/releases/{self.rid}/rollouts",
            json={"stages": stages(auto=True), "environment": environment},
        )
        assert r.status_code == 201, r.text
        self.ro = r.json()["id"]
        self.items = [i["id"] for i in self.req("GET", f"/v1/releases/{self.rid}/checklist").json()]
        self.frozen: set[str] = set()
        self.windows: list[str] = []
        self.pending: set[str] = set()
        self.status, self.stage, self.overrides, self.offset = "draft", 0, 0, 0

    def teardown(self):
        if getattr(self, "status", None) in ("running", "paused"):
            self.req("POST", f"/v1/rollouts/{self.ro}/rollback", json={"reason": "end of example"})

    def failing(self) -> set[str]:
        out = set()
        if "production" in self.frozen:
            out.add("freeze")
        if self.pending:
            out.add("checklist")
        return out

    @rule(name=st.sampled_from(sorted(ALIASES)))
    def freeze(self, name):
        w = self.run(freeze(self.ctx.client, self.ctx.auth, [name], project=self.project, name=f"f{name}"))
        assert w["environments"] == [ALIASES[name]]
        self.windows.append(w["id"])
        self.frozen.add(ALIASES[name])

    @precondition(lambda self: self.windows)
    @rule()
    def thaw(self):
        for w in self.windows:
            assert self.req("DELETE", f"/v1/freeze-windows/{w}").status_code == 204
        self.windows, self.frozen = [], set()

    @rule(i=st.integers(0, 1), done=st.booleans())
    def checklist(self, i, done):
        body = {"status": "pending"}
        if done:
            body = {"status": "done", "evidence_url": "https://wiki.example.com/x"}
        r = self.req("PATCH", f"/v1/releases/{self.rid}/checklist/{self.items[i]}", who="tina", json=body)
        assert r.status_code == 200, r.text
        (self.pending.discard if done else self.pending.add)(self.items[i])

    def expected_action(self) -> str | None:
        if self.status == "draft":
            return "start"
        if self.status == "running":
            return "complete" if self.stage == 2 else "advance"
        return None

    @rule(
        action=st.sampled_from(["start", "advance", "complete"]),
        who=st.sampled_from(sorted(PEOPLE)),
        override=st.sampled_from([None, "", "incident bridge agreed"]),
    )
    def act(self, action, who, override):
        before = self.req("GET", f"/v1/rollouts/{self.ro}/history", params={"limit": 200}).json()["items"]
        body = {} if override is None else {"override_gate": {"reason": override}}
        r = self.req("POST", f"/v1/rollouts/{self.ro}/{action}", who=who, json=body)
        failing = self.failing()
        if override == "":
            expected = 422
        elif action != self.expected_action():
            expected = 409
        elif PEOPLE[who] == "viewer" or (override and PEOPLE[who] != "tpm"):
            expected = 403
        elif failing and not override:
            expected = 409
        else:
            expected = 200
        assert r.status_code == expected, (action, who, override, failing, r.text)
        if expected == 409 and action == self.expected_action():
            assert r.json()["type"].endswith("/gate-denied")
            assert {c["name"] for c in r.json()["checks"]} == failing
        if expected != 200:
            after = self.req("GET", f"/v1/rollouts/{self.ro}/history", params={"limit": 200}).json()["items"]
            assert after == before
            return
        self.overrides += bool(failing)
        self.status = "completed" if action == "complete" else "running"
        self.stage = 0 if action == "start" else self.stage + (action == "advance")

    @rule()
    def scheduler_pass(self):
        self.offset += 31
        now = datetime.now(UTC) + timedelta(seconds=self.offset)
        moved = self.run(workers.run_due(self.ctx.scheduler_app, now))
        mine = any(str(m) == self.ro for m in moved)
        should = self.status == "running" and not self.failing()
        assert mine == should, (self.status, self.failing(), moved)
        got = self.req("GET", f"/v1/rollouts/{self.ro}").json()
        if should:
            self.status = "completed" if self.stage == 2 else "running"
            self.stage = min(self.stage + 1, 2)
        elif self.status == "running":
            assert {c["name"] for c in got["gate_hold"]["checks"]} == self.failing()

    @invariant()
    def matches_the_model(self):
        if not hasattr(self, "ro"):
            return
        got = self.req("GET", f"/v1/rollouts/{self.ro}").json()
        assert got["status"] == self.status
        if self.status == "running":
            assert got["current_stage"] == self.stage
        entries = self.req("GET", f"/v1/rollouts/{self.ro}/history", params={"limit": 200}).json()["items"]
        assert sum(e["action"] == "override_gate" for e in entries) == self.overrides


async def test_the_gate_guards_every_path_that_moves_a_rollout(client, auth, wired, scheduler_app):
    GateMachine.ctx = SimpleNamespace(
        client=client, auth=auth, scheduler_app=scheduler_app, loop=asyncio.get_running_loop()
    )
    test = GateMachine.TestCase
    test.settings = settings(
        max_examples=12,
        stateful_step_count=14,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    await asyncio.to_thread(test().runTest)
