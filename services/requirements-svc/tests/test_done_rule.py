"""The done rule: an item is done only while all its acceptance criteria pass. Every write that makes a
criterion of a done item not passed moves the item back to in_review, with a history entry by the actor
naming the cause and an `item.reopened` event; a random walk over the HTTP API (criteria added, verified,
edited, deleted; items created one by one, in batch and by CSV import, moved through the workflow; change
requests applied) checks after every step that no done item has a criterion that has not passed."""

import asyncio
import itertools
import json

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from tpmhub_shared.contracts import ItemReopened
from tpmhub_shared.testing.plugin import truncate_all

STATUSES = ("backlog", "ready", "in_progress", "in_review", "done", "wont_do")
WALK = {"backlog": "ready", "ready": "in_progress", "in_progress": "in_review", "in_review": "done"}


async def project(client, auth):
    r = await client.post("/v1/projects", json={"key": "PAY", "name": "Payments"}, headers=auth("admin"))
    assert r.status_code == 201, r.text


async def new_item(client, auth, criteria=()):
    r = await client.post(
        "/v1/projects/PAY/items",
        json={"type": "story", "title": "Refunds", "criteria": list(criteria)},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201, r.text
    return r.json()["key"]


async def criteria_of(client, auth, key):
    r = await client.get(f"/v1/items/{key}/criteria", headers=auth())
    assert r.status_code == 200, r.text
    return r.json()


async def finish(client, auth, key):
    """Pass every criterion and walk the item to done."""
    for c in await criteria_of(client, auth, key):
        if c["status"] != "passed":
            r = await client.post(f"/v1/criteria/{c['id']}/verify", json={"status": "passed"}, headers=auth())
            assert r.status_code == 200, r.text
    status = (await client.get(f"/v1/items/{key}", headers=auth())).json()["status"]
    if status == "wont_do":
        status = "backlog"
        r = await client.post(f"/v1/items/{key}/transition", json={"to": status}, headers=auth())
        assert r.status_code == 200, r.text
    while status != "done":
        status = WALK[status]
        r = await client.post(f"/v1/items/{key}/transition", json={"to": status}, headers=auth())
        assert r.status_code == 200, r.text


async def _rows(url_or_engine, sql):
    engine = create_async_engine(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
    try:
        async with engine.connect() as conn:
            return list(await conn.execute(text(sql)))
    finally:
        if isinstance(url_or_engine, str):
            await engine.dispose()


async def outbox_reopened(db):
    rows = await _rows(db, "SELECT subject, data FROM outbox_events WHERE type = 'item.reopened' ORDER BY id")
    return [(s, json.loads(d) if isinstance(d, str) else d) for s, d in rows]


async def reopen_entries(db):
    sql = "SELECT resource_id FROM history WHERE resource_type = 'item' AND action = 'reopen'"
    return sorted(r for (r,) in await _rows(db, sql))


async def item_history(client, auth, key):
    return (await client.get(f"/v1/items/{key}/history", headers=auth())).json()["items"]


# ---- each path, one by one ------------------------------------------------------------------------------


async def done_item(client, auth, criteria=("Refund reaches the card",)):
    key = await new_item(client, auth, criteria)
    await finish(client, auth, key)
    return key


async def assert_reopened(client, auth, req_settings, key, *, actor, cause):
    item = (await client.get(f"/v1/items/{key}", headers=auth())).json()
    assert item["status"] == "in_review" and item["done_at"] is None
    last = (await item_history(client, auth, key))[-1]
    assert last["action"] == "reopen" and last["actor"] == actor and cause in last["note"]
    assert {"field": "status", "before": "done", "after": "in_review"} in last["changes"]
    subject, data = (await outbox_reopened(req_settings.database_url))[-1]
    event = ItemReopened.model_validate(data)
    assert subject == key and event.key == key and event.by == actor and cause in event.cause
    assert event.from_ == "done" and event.to == "in_review" and event.criteria_not_passed >= 1


async def test_adding_a_criterion_to_a_done_item_reopens_it(client, auth, req_settings):
    await project(client, auth)
    key = await done_item(client, auth)
    r = await client.post(
        f"/v1/items/{key}/criteria", json={"text": "Works offline"}, headers=auth("qa", "PAY", sub="quinn")
    )
    assert r.status_code == 201, r.text
    await assert_reopened(
        client, auth, req_settings, key, actor="quinn", cause="acceptance criterion added: Works offline"
    )


async def test_failing_or_resetting_a_criterion_reopens_the_item(client, auth, req_settings):
    await project(client, auth)
    for status, cause in (("failed", "failed"), ("pending", "reset to pending")):
        key = await done_item(client, auth)
        [c] = await criteria_of(client, auth, key)
        r = await client.post(
            f"/v1/criteria/{c['id']}/verify", json={"status": status}, headers=auth("qa", "PAY", sub="quinn")
        )
        assert r.status_code == 200, r.text
        await assert_reopened(client, auth, req_settings, key, actor="quinn", cause=cause)


async def test_editing_a_passed_criterion_reopens_the_item(client, auth, req_settings):
    await project(client, auth)
    key = await done_item(client, auth)
    [c] = await criteria_of(client, auth, key)
    r = await client.patch(f"/v1/criteria/{c['id']}", json={"text": "Same text"}, headers=auth(sub="erin"))
    assert r.status_code == 200 and r.json()["status"] == "pending"
    await assert_reopened(client, auth, req_settings, key, actor="erin", cause="edited")


async def test_writes_that_keep_every_criterion_passed_leave_done_alone(client, auth, req_settings):
    await project(client, auth)
    key = await done_item(client, auth, criteria=("A", "B"))
    first, _ = await criteria_of(client, auth, key)
    # Passing a passed criterion again, editing to the same text, deleting one: all still pass.
    r = await client.post(f"/v1/criteria/{first['id']}/verify", json={"status": "passed"}, headers=auth())
    assert r.status_code == 200
    r = await client.patch(f"/v1/criteria/{first['id']}", json={"text": "A"}, headers=auth())
    assert r.status_code == 200
    assert (await client.delete(f"/v1/criteria/{first['id']}", headers=auth())).status_code == 204
    assert (await client.get(f"/v1/items/{key}", headers=auth())).json()["status"] == "done"
    assert "reopen" not in [h["action"] for h in await item_history(client, auth, key)]
    assert await outbox_reopened(req_settings.database_url) == []


async def test_an_applied_change_request_reopens_the_done_items_it_resets(client, auth, req_settings):
    await project(client, auth)
    key = await done_item(client, auth)
    untouched = await done_item(client, auth)
    cr = {"title": "Partial refunds", "affected_items": [key]}
    r = await client.post("/v1/projects/PAY/change-requests", json=cr, headers=auth())
    assert r.status_code == 201, r.text
    r = await client.post("/v1/change-requests/PAY-CR1/approve", json={}, headers=auth())
    assert r.status_code == 200, r.text
    r = await client.post("/v1/change-requests/PAY-CR1/apply", headers=auth("tpm", "PAY", sub="tom"))
    assert r.status_code == 200, r.text
    await assert_reopened(client, auth, req_settings, key, actor="tom", cause="change request PAY-CR1")
    assert (await client.get(f"/v1/items/{untouched}", headers=auth())).json()["status"] == "done"


async def test_a_refused_write_reopens_nothing(client, auth, req_settings):
    await project(client, auth)
    key = await done_item(client, auth)
    [c] = await criteria_of(client, auth, key)
    r = await client.post(
        f"/v1/criteria/{c['id']}/verify", json={"status": "failed"}, headers={**auth(), "If-Match": '"1"'}
    )
    assert r.status_code == 412
    r = await client.post(f"/v1/criteria/{c['id']}/verify", json={"status": "failed"}, headers=auth("viewer"))
    assert r.status_code == 403
    assert (await client.get(f"/v1/items/{key}", headers=auth())).json()["status"] == "done"
    assert await outbox_reopened(req_settings.database_url) == []


async def test_racing_a_new_criterion_against_done_never_leaves_done_with_a_pending_one(client, auth):
    """The move to done and the criterion write serialize on the item row: whichever commits second sees
    the other (done refused, or the item reopened)."""
    await project(client, auth)
    for _ in range(6):
        key = await new_item(client, auth, ["A"])
        await finish(client, auth, key)
        await client.post(f"/v1/items/{key}/transition", json={"to": "ready"}, headers=auth())
        for to in ("in_progress", "in_review"):
            await client.post(f"/v1/items/{key}/transition", json={"to": to}, headers=auth())
        done, added = await asyncio.gather(
            client.post(f"/v1/items/{key}/transition", json={"to": "done"}, headers=auth()),
            client.post(f"/v1/items/{key}/criteria", json={"text": "late"}, headers=auth()),
        )
        assert added.status_code == 201 and done.status_code in (200, 409), done.text
        item = (await client.get(f"/v1/items/{key}", headers=auth())).json()
        assert item["status"] == "in_review" and item["acceptance"]["pending"] == 1


# ---- every path at random --------------------------------------------------------------------------------


async def test_no_item_is_ever_done_with_a_criterion_not_passed(client, auth, req_settings):
    loop = asyncio.get_running_loop()
    url = req_settings.database_url
    engine = create_async_engine(url)
    actors = itertools.count()

    def call(coro):
        return asyncio.run_coroutine_threadsafe(coro, loop).result(timeout=120)

    async def status_of(key):
        return (await client.get(f"/v1/items/{key}", headers=auth())).json()["status"]

    class DoneRule(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()

            async def fresh():
                await truncate_all(url)
                await project(client, auth)

            call(fresh())
            self.items: list[str] = []
            self.criteria: dict[str, str] = {}  # criterion id → item key
            self.crs = 0

        def actor(self):
            sub = f"user{next(actors)}"
            return sub, auth("tpm", "PAY", sub=sub)

        def expect(self, key, was, breaks, sub):
            """After a criterion write: a done item whose write broke a criterion is back in review, by
            `sub`; any other item keeps its status."""
            now = call(status_of(key))
            if was == "done" and breaks:
                assert now == "in_review"
                last = call(item_history(client, auth, key))[-1]
                assert last["action"] == "reopen" and last["actor"] == sub
            else:
                assert now == was

        @rule(n=st.integers(0, 3))
        def create_item(self, n):
            self.items.append(call(new_item(client, auth, [f"c{i}" for i in range(n)])))

        @rule(n=st.integers(1, 3), k=st.integers(0, 2))
        def batch_create(self, n, k):
            rows = [{"type": "story", "title": f"b{i}", "criteria": ["x"] * k} for i in range(n)]
            r = call(client.post("/v1/projects/PAY/items/batch", json={"items": rows}, headers=auth()))
            assert r.status_code == 201, r.text
            self.items += [i["key"] for i in r.json()["items"]]

        @rule(status=st.sampled_from(["Done", "In Progress"]))
        def import_csv(self, status):
            csv = f"Summary,Issue Type,Status\nImported,Story,{status}\n"
            r = call(
                client.post(
                    "/v1/projects/PAY/items/import",
                    content=csv.encode(),
                    headers={**auth(), "Content-Type": "text/csv"},
                )
            )
            assert r.status_code == 201, r.text
            self.items += r.json()["keys"]

        @precondition(lambda self: self.items)
        @rule(data=st.data())
        def finish_item(self, data):
            call(finish(client, auth, data.draw(st.sampled_from(self.items))))

        @precondition(lambda self: self.items)
        @rule(data=st.data(), to=st.sampled_from(STATUSES))
        def transition(self, data, to):
            key = data.draw(st.sampled_from(self.items))
            r = call(client.post(f"/v1/items/{key}/transition", json={"to": to}, headers=auth()))
            assert r.status_code in (200, 409), r.text

        @precondition(lambda self: self.items)
        @rule(data=st.data())
        def add_criterion(self, data):
            key = data.draw(st.sampled_from(self.items))
            was = call(status_of(key))
            sub, headers = self.actor()
            r = call(client.post(f"/v1/items/{key}/criteria", json={"text": "new"}, headers=headers))
            assert r.status_code == 201, r.text
            self.criteria[r.json()["id"]] = key
            self.expect(key, was, True, sub)

        def _known_criteria(self):
            async def load():
                out = {}
                for key in self.items:
                    for c in await criteria_of(client, auth, key):
                        out[c["id"]] = (key, c)
                return out

            return call(load())

        @precondition(lambda self: self.items)
        @rule(data=st.data(), status=st.sampled_from(["passed", "failed", "pending"]))
        def verify(self, data, status):
            known = self._known_criteria()
            if not known:
                return
            cid = data.draw(st.sampled_from(sorted(known)))
            key, _ = known[cid]
            was = call(status_of(key))
            sub, headers = self.actor()
            r = call(client.post(f"/v1/criteria/{cid}/verify", json={"status": status}, headers=headers))
            assert r.status_code == 200, r.text
            self.expect(key, was, status != "passed", sub)

        @precondition(lambda self: self.items)
        @rule(data=st.data(), same=st.booleans())
        def edit(self, data, same):
            known = self._known_criteria()
            if not known:
                return
            cid = data.draw(st.sampled_from(sorted(known)))
            key, c = known[cid]
            was = call(status_of(key))
            sub, headers = self.actor()
            new_text = c["text"] if same else c["text"] + "!"
            r = call(client.patch(f"/v1/criteria/{cid}", json={"text": new_text}, headers=headers))
            assert r.status_code == 200, r.text
            self.expect(key, was, not same, sub)

        @precondition(lambda self: self.items)
        @rule(data=st.data())
        def delete(self, data):
            known = self._known_criteria()
            if not known:
                return
            cid = data.draw(st.sampled_from(sorted(known)))
            key, _ = known[cid]
            was = call(status_of(key))
            r = call(client.delete(f"/v1/criteria/{cid}", headers=auth()))
            assert r.status_code == 204, r.text
            self.expect(key, was, False, "")

        @precondition(lambda self: self.items)
        @rule(data=st.data())
        def change_request(self, data):
            keys = data.draw(st.lists(st.sampled_from(self.items), min_size=1, max_size=3, unique=True))
            sub, headers = self.actor()

            async def run():
                r = await client.post(
                    "/v1/projects/PAY/change-requests",
                    json={"title": "Change", "affected_items": keys},
                    headers=headers,
                )
                assert r.status_code == 201, r.text
                cr = r.json()["key"]
                r = await client.post(f"/v1/change-requests/{cr}/approve", json={}, headers=headers)
                assert r.status_code == 200, r.text
                r = await client.post(f"/v1/change-requests/{cr}/apply", headers=headers)
                assert r.status_code == 200, r.text

            before = {k: call(status_of(k)) for k in keys}
            call(run())
            for k in keys:
                # Applying resets every passed criterion: a done item with criteria is back in review.
                has_criteria = bool(call(criteria_of(client, auth, k)))
                self.expect(k, before[k], has_criteria, sub)

        @invariant()
        def no_done_item_has_a_criterion_not_passed(self):
            async def check():
                r = await client.get(
                    "/v1/projects/PAY/items", params={"status": "done", "limit": 200}, headers=auth()
                )
                assert r.status_code == 200, r.text
                for item in r.json()["items"]:
                    acc = item["acceptance"]
                    assert acc["passed"] == acc["total"], (item["key"], acc)
                # Every reopening left its event in the outbox, and nothing else did.
                assert sorted(s for s, _ in await outbox_reopened(engine)) == await reopen_entries(engine)

            call(check())

    try:
        await asyncio.to_thread(
            run_state_machine_as_test,
            DoneRule,
            settings=settings(
                max_examples=10,
                stateful_step_count=25,
                deadline=None,
                suppress_health_check=list(HealthCheck),
            ),
        )
    finally:
        await engine.dispose()
