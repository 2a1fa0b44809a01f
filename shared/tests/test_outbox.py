"""The outbox dispatcher, the inbox and outbound subscriptions, with a real HTTP receiver."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest
from sqlalchemy import func, select
from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from tpmhub_shared.events import CloudEvent, outbox
from tpmhub_shared.events.inbox import InboxEvent
from tpmhub_shared.events.subscriptions.signing import signed_request
from tpmhub_shared.history import HistoryEntry

VECTORS = json.loads(Path("/work/shared/fixtures/standard-webhooks/vectors.json").read_text())


async def drain(app, *, max_seconds: float = 10) -> None:
    """Run dispatcher rounds until nothing is pending."""
    async with asyncio.timeout(max_seconds):
        while True:
            work = await outbox.run_once(app)
            if work:
                continue
            due = await outbox.next_due_in(app.state.db)
            if due is None:
                return
            await asyncio.sleep(min(due, 0.05) + 0.005)


async def subscribe(client, auth, url, **body):
    payload = {"url": url, "event_types": ["thing.*"], **body}
    r = await client.post("/v1/subscriptions", json=payload, headers=auth("admin"))
    assert r.status_code == 201, r.text
    return r.json()


async def emit(client, auth, *, type="thing.happened", subject="S1", count=1, **data):
    r = await client.post(
        "/v1/test/emit",
        json={"type": type, "subject": subject, "count": count, "data": data},
        headers=auth("admin"),
    )
    assert r.status_code == 200, r.text
    return r.json()["ids"]


# ---- Standard Webhooks signatures ---------------------------------------------------------------------


@pytest.mark.parametrize("vector", VECTORS["valid"], ids=lambda v: v["msg_id"])
def test_signature_matches_the_published_known_answers(vector):
    ts = datetime.fromtimestamp(vector["timestamp"], tz=UTC)
    assert (
        Webhook(vector["secret"]).sign(vector["msg_id"], ts, vector["payload"])
        == vector["expected_signature"]
    )


@pytest.mark.parametrize("bad", VECTORS["invalid_signatures"], ids=lambda v: v["signature"][:12])
def test_invalid_known_signatures_do_not_verify(bad):
    vector = next(v for v in VECTORS["valid"] if v["name"] == bad["applies_to"])
    now = int(datetime.now(UTC).timestamp())
    good = Webhook(vector["secret"]).sign(
        vector["msg_id"], datetime.fromtimestamp(now, tz=UTC), vector["payload"]
    )
    headers = {"webhook-id": vector["msg_id"], "webhook-timestamp": str(now)}
    Webhook(vector["secret"]).verify(vector["payload"], {**headers, "webhook-signature": good})
    with pytest.raises(WebhookVerificationError):
        Webhook(vector["secret"]).verify(
            vector["payload"], {**headers, "webhook-signature": bad["signature"]}
        )


def test_our_signed_request_verifies_with_the_library_and_matches_the_vector_scheme():
    vector = VECTORS["valid"][0]
    event = CloudEvent(
        id=vector["msg_id"],
        source="/tpmhub/test",
        type="thing.happened",
        time=datetime.now(UTC),
        data={"a": 1},
    )
    body, headers = signed_request(vector["secret"], event, "cloudevents", now=vector["timestamp"])
    expected = Webhook(vector["secret"]).sign(
        vector["msg_id"], datetime.fromtimestamp(vector["timestamp"], tz=UTC), body.decode()
    )
    assert headers["webhook-signature"] == expected
    assert headers["webhook-id"] == vector["msg_id"]
    # Too old for a receiver: the 5-minute tolerance refuses a replay.
    with pytest.raises(WebhookVerificationError):
        Webhook(vector["secret"]).verify(body, headers)


# ---- outbound deliveries ------------------------------------------------------------------------------


async def test_delivery_is_signed_and_logged(service_app, auth, receiver):
    async with service_app() as (app, client):
        sub = await subscribe(client, auth, receiver.url)
        assert sub["secret"].startswith("whsec_")
        [event_id] = await emit(client, auth, title="Hello")
        await drain(app)
        [got] = receiver.requests
        payload = Webhook(sub["secret"]).verify(got.body, got.headers)  # as a receiver would
        assert payload["id"] == event_id and payload["type"] == "thing.happened"
        assert payload["specversion"] == "1.0" and payload["time"].endswith("Z")
        assert got.headers["webhook-id"] == event_id
        assert got.headers["content-type"] == "application/cloudevents+json"
        log = (await client.get(f"/v1/subscriptions/{sub['id']}/deliveries", headers=auth("admin"))).json()
        [attempt] = log["items"]
        assert attempt["success"] and attempt["status_code"] == 200 and attempt["attempt"] == 1
        assert attempt["response_excerpt"] == "answer 200" and attempt["duration_ms"] >= 0
        # The secret is never shown again.
        again = (await client.get(f"/v1/subscriptions/{sub['id']}", headers=auth("admin"))).json()
        assert "secret" not in again


async def test_failures_are_retried_until_delivered(service_app, auth, receiver):
    async with service_app() as (app, client):
        sub = await subscribe(client, auth, receiver.url)
        receiver.statuses = [500, 503]
        [event_id] = await emit(client, auth)
        await drain(app)
        assert [r.headers["webhook-id"] for r in receiver.requests] == [event_id] * 3
        log = (await client.get(f"/v1/subscriptions/{sub['id']}/deliveries", headers=auth("admin"))).json()[
            "items"
        ]
        assert [(a["attempt"], a["status_code"], a["success"]) for a in log] == [
            (1, 500, False),
            (2, 503, False),
            (3, 200, True),
        ]
        current = (await client.get(f"/v1/subscriptions/{sub['id']}", headers=auth("admin"))).json()
        assert current["consecutive_failures"] == 0 and current["active"]


async def test_retry_schedule_waits_between_attempts(service_app, auth, receiver):
    async with service_app(events_retry_schedule=[0, 3600]) as (app, client):
        await subscribe(client, auth, receiver.url)
        receiver.default = 500
        await emit(client, auth)
        await outbox.run_once(app)
        await outbox.run_once(app)
        assert len(receiver.requests) == 1  # the second attempt is an hour away
        due = await outbox.next_due_in(app.state.db)
        assert due is not None and 3500 < due <= 3600


async def test_dead_letters_are_listed_and_replayed_by_an_admin(service_app, auth, receiver):
    async with service_app() as (app, client):
        await subscribe(client, auth, receiver.url)
        receiver.default = 500
        [event_id] = await emit(client, auth)
        await drain(app)
        assert len(receiver.requests) == len(app.state.settings.common.events_retry_schedule)
        r = await client.get("/v1/event-deliveries", params={"status": "dead"}, headers=auth("tpm", "PAY"))
        assert r.status_code == 403
        dead = (
            await client.get("/v1/event-deliveries", params={"status": "dead"}, headers=auth("admin"))
        ).json()
        [letter] = dead["items"]
        assert (
            letter["event_id"] == event_id and letter["attempts"] == 4 and letter["last_status_code"] == 500
        )
        receiver.default = 204
        r = await client.post(f"/v1/event-deliveries/{letter['id']}/replay", headers=auth("tpm", "PAY"))
        assert r.status_code == 403
        r = await client.post(f"/v1/event-deliveries/{letter['id']}/replay", headers=auth("admin"))
        assert r.status_code == 200 and r.json()["status"] == "pending"
        r = await client.post(f"/v1/event-deliveries/{letter['id']}/replay", headers=auth("admin"))
        assert r.status_code == 409 and r.headers["content-type"] == "application/problem+json"
        assert r.json()["status"] == 409 and r.json()["delivery_status"] == "pending"
        await drain(app)
        assert receiver.requests[-1].headers["webhook-id"] == event_id
        done = (
            await client.get("/v1/event-deliveries", params={"status": "delivered"}, headers=auth("admin"))
        ).json()
        assert [d["event_id"] for d in done["items"]] == [event_id]


async def test_in_order_per_subject_even_with_retries(service_app, auth, receiver):
    async with service_app() as (app, client):
        await subscribe(client, auth, receiver.url)
        first = await emit(client, auth, subject="S1", count=3)
        receiver.fail_ids[first[0]] = 2  # the first event fails twice
        other = await emit(client, auth, subject="S2", count=2)
        await drain(app)
        delivered_s1 = [r.headers["webhook-id"] for r in receiver.requests if r.json()["subject"] == "S1"]
        # Retries of the head come before anything after it; first successful copies are in order.
        assert delivered_s1 == [first[0], first[0], first[0], first[1], first[2]]
        delivered_s2 = [r.headers["webhook-id"] for r in receiver.requests if r.json()["subject"] == "S2"]
        assert delivered_s2 == other


async def test_gone_disables_the_subscription_and_says_so(service_app, auth, receiver, receiver_factory):
    watcher = await receiver_factory().start()
    try:
        async with service_app() as (app, client):
            sub = await subscribe(client, auth, receiver.url)
            await subscribe(client, auth, watcher.url, event_types=["subscription.*"])
            receiver.statuses = [410]
            await emit(client, auth, subject="A", count=2)
            await drain(app)
            assert len(receiver.requests) == 1
            current = (await client.get(f"/v1/subscriptions/{sub['id']}", headers=auth("admin"))).json()
            assert not current["active"] and "410" in current["disabled_reason"]
            [notice] = [r.json() for r in watcher.requests]
            assert notice["type"] == "subscription.disabled" and notice["subject"] == sub["id"]
            # The event queued behind it became a dead letter; re-enabling resets the failure count.
            dead = (
                await client.get("/v1/event-deliveries", params={"status": "dead"}, headers=auth("admin"))
            ).json()
            assert len(dead["items"]) == 2
            r = await client.patch(
                f"/v1/subscriptions/{sub['id']}",
                json={"active": True},
                headers={**auth("admin"), "If-Match": f'"{current["version"]}"'},
            )
            assert r.status_code == 200 and r.json()["active"] and r.json()["disabled_reason"] is None
    finally:
        await watcher.stop()


async def test_consecutive_failures_disable_the_subscription(service_app, auth, receiver):
    async with service_app(subscriptions_max_consecutive_failures=3, events_retry_schedule=[0] * 10) as (
        app,
        client,
    ):
        sub = await subscribe(client, auth, receiver.url)
        receiver.default = 502
        await emit(client, auth)
        await drain(app)
        assert len(receiver.requests) == 3
        current = (await client.get(f"/v1/subscriptions/{sub['id']}", headers=auth("admin"))).json()
        assert not current["active"] and current["disabled_reason"] == "3 consecutive failed deliveries"


async def test_manual_redelivery(service_app, auth, receiver):
    async with service_app() as (app, client):
        sub = await subscribe(client, auth, receiver.url)
        [event_id] = await emit(client, auth)
        await drain(app)
        [attempt] = (
            await client.get(f"/v1/subscriptions/{sub['id']}/deliveries", headers=auth("admin"))
        ).json()["items"]
        url = f"/v1/subscriptions/{sub['id']}/deliveries/{attempt['delivery_id']}/redeliver"
        r = await client.post(url, headers=auth("viewer", "PAY"))
        assert r.status_code == 404  # not theirs to see
        r = await client.post(url, headers=auth("admin"))
        assert r.status_code == 202
        r = await client.post(url, headers=auth("admin"))  # still pending: 409, `status` stays the HTTP one
        problem = r.json()
        assert r.status_code == 409 and problem["status"] == 409, problem
        assert problem["delivery_status"] == "pending" and problem["type"].endswith("/conflict")
        await drain(app)
        assert [x.headers["webhook-id"] for x in receiver.requests] == [event_id, event_id]
        r = await client.post(
            f"/v1/subscriptions/{sub['id']}/deliveries/{sub['id']}/redeliver", headers=auth("admin")
        )
        assert r.status_code == 404
        # The delivery log row's own id (an attempt) names its delivery too.
        by_attempt = f"/v1/subscriptions/{sub['id']}/deliveries/{attempt['id']}/redeliver"
        r = await client.post(by_attempt, headers=auth("admin"))
        assert r.status_code == 202 and r.json()["id"] == attempt["delivery_id"]
        await drain(app)
        assert [x.headers["webhook-id"] for x in receiver.requests] == [event_id] * 3
        # ... but only within its own subscription.
        other = await subscribe(client, auth, receiver.url)
        r = await client.post(
            f"/v1/subscriptions/{other['id']}/deliveries/{attempt['id']}/redeliver", headers=auth("admin")
        )
        assert r.status_code == 404


async def test_filters_by_type_glob_and_project(service_app, auth, receiver):
    async with service_app() as (app, client):
        r = await client.post(
            "/v1/subscriptions",
            json={"url": receiver.url, "event_types": ["rollout.*"], "project_key": "PAY"},
            headers=auth("tpm", "PAY"),
        )
        assert r.status_code == 201
        await emit(client, auth, type="rollout.advanced", subject="R1")
        await emit(client, auth, type="release.approved", subject="R1")
        r = await client.post(
            "/v1/test/emit",
            json={"type": "rollout.paused", "subject": "R2", "project_key": "OPS"},
            headers=auth("admin"),
        )
        assert r.status_code == 200
        await drain(app)
        assert [x.json()["type"] for x in receiver.requests] == ["rollout.advanced"]


@pytest.mark.parametrize("fmt", ["slack", "dingtalk", "feishu", "feishu_card"])
async def test_chat_formats(service_app, auth, receiver, fmt):
    async with service_app() as (app, client):
        sub = await subscribe(client, auth, receiver.url, format=fmt, event_types=["rollout.*"])
        await emit(client, auth, type="rollout.advanced", subject="R1", percent=25, stage="canary-25")
        await drain(app)
        [got] = receiver.requests
        Webhook(sub["secret"]).verify(got.body, got.headers)
        body = got.json()
        if fmt == "slack":
            assert "rollout.advanced" in body["text"] and "25%" in body["text"] and body["blocks"]
        elif fmt == "dingtalk":
            assert body["msgtype"] == "markdown" and "25%" in body["markdown"]["text"]
            assert "rollout.advanced" in body["markdown"]["title"]
        elif fmt == "feishu":
            assert body["msg_type"] == "text" and "canary-25" in body["content"]["text"]
        else:
            assert body["msg_type"] == "interactive"
            assert "rollout.advanced" in body["card"]["header"]["title"]["content"]


# ---- subscription API rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x",
        "http://localhost/x",
        "http://10.1.2.3/x",
        "http://192.168.0.10/x",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/x",
        "http://[::ffff:127.0.0.1]/x",
        "http://100.64.0.1/x",
        "ftp://example.com/x",
        "http://user:pw@example.com/x",
    ],
)
async def test_private_and_odd_targets_are_refused_unless_allowed(service_app, auth, url):
    async with service_app(subscriptions_allow_private_targets=False) as (app, client):
        r = await client.post(
            "/v1/subscriptions", json={"url": url, "event_types": ["*"]}, headers=auth("admin")
        )
        assert r.status_code == 422, r.text
        assert r.json()["errors"][0]["loc"] == "body.url"
        assert (await client.get("/v1/subscriptions", headers=auth("admin"))).json()["items"] == []


async def test_private_targets_allowed_in_test_configuration(service_app, auth, receiver):
    async with service_app() as (app, client):
        r = await client.post(
            "/v1/subscriptions", json={"url": receiver.url, "event_types": ["*"]}, headers=auth("admin")
        )
        assert r.status_code == 201


async def test_delivery_refuses_a_target_that_became_private(service_app, auth, receiver):
    async with service_app() as (app, client):
        await subscribe(client, auth, receiver.url)
        app.state.settings.common.subscriptions_allow_private_targets = False
        await emit(client, auth)
        await outbox.run_once(app)
        assert receiver.requests == []
        [d] = (await client.get("/v1/event-deliveries", headers=auth("admin"))).json()["items"]
        assert "target refused" in d["last_error"]


async def test_subscription_roles_validation_and_concurrency(service_app, auth, receiver):
    async with service_app() as (app, client):
        body = {"url": receiver.url, "event_types": ["release.*"], "project_key": "PAY"}
        assert (await client.post("/v1/subscriptions", json=body)).status_code == 401
        assert (
            await client.post("/v1/subscriptions", json=body, headers=auth("viewer", "PAY"))
        ).status_code == 403
        assert (
            await client.post("/v1/subscriptions", json=body, headers=auth("tpm", "OPS"))
        ).status_code == 403
        everything = {**body, "project_key": None}
        assert (
            await client.post("/v1/subscriptions", json=everything, headers=auth("tpm", "PAY"))
        ).status_code == 403
        for bad in (
            {**body, "extra": 1},
            {**body, "format": "teams"},
            {**body, "event_types": []},
            {**body, "event_types": ["Bad Type!"]},
            {**body, "url": "x" * 3000},
            {**body, "project_key": "pay"},
        ):
            r = await client.post("/v1/subscriptions", json=bad, headers=auth("admin"))
            assert r.status_code == 422, bad
        r = await client.post(
            "/v1/subscriptions",
            content=b"{not json",
            headers={**auth("admin"), "content-type": "application/json"},
        )
        assert r.status_code == 400
        assert (await client.get("/v1/subscriptions", headers=auth("admin"))).json()["items"] == []
        r = await client.post("/v1/subscriptions", json=body, headers=auth("tpm", "PAY"))
        assert r.status_code == 201
        sub = r.json()
        listed = (await client.get("/v1/subscriptions", headers=auth("tpm", "PAY"))).json()["items"]
        assert [s["id"] for s in listed] == [sub["id"]]
        assert (await client.get("/v1/subscriptions", headers=auth("tpm", "OPS"))).json()["items"] == []
        r = await client.patch(
            f"/v1/subscriptions/{sub['id']}",
            json={"format": "slack"},
            headers={**auth("tpm", "PAY"), "If-Match": '"99"'},
        )
        assert r.status_code == 412
        r = await client.patch(
            f"/v1/subscriptions/{sub['id']}",
            json={"format": "slack"},
            headers={**auth("tpm", "PAY"), "If-Match": r.headers.get("etag") or '"1"'},
        )
        assert r.status_code == 200 and r.json()["format"] == "slack" and r.headers["etag"] == '"2"'
        r = await client.patch(
            f"/v1/subscriptions/{sub['id']}", json={"url": None}, headers=auth("tpm", "PAY")
        )
        assert r.status_code == 422
        rotated = await client.post(
            f"/v1/subscriptions/{sub['id']}/rotate-secret", headers=auth("tpm", "PAY")
        )
        assert rotated.status_code == 200 and rotated.json()["secret"] != sub["secret"]
        assert (
            await client.delete(f"/v1/subscriptions/{sub['id']}", headers=auth("tpm", "OPS"))
        ).status_code == 404
        assert (
            await client.delete(f"/v1/subscriptions/{sub['id']}", headers=auth("tpm", "PAY"))
        ).status_code == 204
        assert (await client.get(f"/v1/subscriptions/{sub['id']}", headers=auth("admin"))).status_code == 404


async def test_subscription_writes_with_one_if_match_happen_once(service_app, auth, receiver):
    """Writers racing with the same If-Match: one wins, the others get 412 naming the version it made."""
    async with service_app() as (app, client):
        sub = await subscribe(client, auth, receiver.url)
        url = f"/v1/subscriptions/{sub['id']}"

        async def race(method, path, etag, bodies):
            headers = {**auth("admin"), "If-Match": etag}
            answers = await asyncio.gather(
                *(client.request(method, path, json=body, headers=headers) for body in bodies)
            )
            assert sorted(r.status_code for r in answers) == [200] + [412] * (len(bodies) - 1)
            (winner,) = [r for r in answers if r.status_code == 200]
            made = int(winner.headers["etag"].strip('"'))
            assert {r.json()["current_version"] for r in answers if r.status_code == 412} == {made}
            return winner

        winner = await race("PATCH", url, '"1"', [{"description": f"D{i}"} for i in range(10)])
        rotated = await race("POST", f"{url}/rotate-secret", winner.headers["etag"], [None] * 10)
        now = (await client.get(url, headers=auth("admin"))).json()
        assert now["description"] == winner.json()["description"] and now["version"] == 3
        assert rotated.json()["secret"] != sub["secret"]


# ---- inbox: POST /v1/events ---------------------------------------------------------------------------


def envelope(event_id: str = "evt-1", type: str = "thing.happened", **data) -> dict:
    return {
        "specversion": "1.0",
        "id": event_id,
        "source": "/tpmhub/requirements-svc",
        "type": type,
        "subject": "PAY-CR1",
        "time": "2026-11-22T05:00:00Z",
        "data": data,
    }


async def count(app, model) -> int:
    async with app.state.db.session(write=False) as session:
        return (await session.execute(select(func.count()).select_from(model))).scalar_one()


async def test_inbox_handles_once_and_ignores_unknown_types(service_app, auth, make_token, handled):
    handler, seen = handled
    async with service_app("risk-svc", handlers={"thing.happened": handler}) as (app, client):
        svc = {"Authorization": f"Bearer {make_token('viewer', service='requirements-svc')}"}
        assert (await client.post("/v1/events", json=envelope())).status_code == 401
        assert (await client.post("/v1/events", json=envelope(), headers=auth("admin"))).status_code == 403
        r = await client.post("/v1/events", json=envelope(), headers=svc)
        assert r.status_code == 200 and r.json() == {"event_id": "evt-1", "status": "processed"}
        r = await client.post("/v1/events", json=envelope(), headers=svc)
        assert r.json()["status"] == "duplicate"
        assert seen == ["evt-1"]
        assert await count(app, HistoryEntry) == 1
        r = await client.post("/v1/events", json=envelope("evt-2", type="other.thing"), headers=svc)
        assert r.status_code == 200 and r.json()["status"] == "ignored"
        async with app.state.db.session(write=False) as session:
            rows = (
                await session.execute(
                    select(InboxEvent.event_id, InboxEvent.status).order_by(InboxEvent.event_id)
                )
            ).all()
        assert [tuple(r) for r in rows] == [("evt-1", "processed"), ("evt-2", "ignored")]


async def test_inbox_failure_rolls_back_handling_and_record(service_app, make_token, handled):
    handler, seen = handled
    async with service_app("risk-svc", handlers={"thing.happened": handler}) as (app, client):
        svc = {"Authorization": f"Bearer {make_token('viewer', service='requirements-svc')}"}
        r = await client.post("/v1/events", json=envelope("evt-9", fail=True), headers=svc)
        assert r.status_code == 503
        assert await count(app, InboxEvent) == 0 and await count(app, HistoryEntry) == 0
        r = await client.post("/v1/events", json=envelope("evt-9"), headers=svc)
        assert r.json()["status"] == "processed" and seen == ["evt-9"]


async def test_inbox_rejects_bad_envelopes(service_app, make_token):
    async with service_app("risk-svc") as (app, client):
        svc = {"Authorization": f"Bearer {make_token('viewer', service='requirements-svc')}"}
        r = await client.post(
            "/v1/events", content=b'{"id": ', headers={**svc, "content-type": "application/json"}
        )
        assert r.status_code == 400
        for bad in (
            {**envelope(), "id": ""},
            {**envelope(), "specversion": "0.3"},
            {**envelope(), "bogus": 1},
            {k: v for k, v in envelope().items() if k != "type"},
            {**envelope(), "id": "x" * 300},
        ):
            r = await client.post("/v1/events", json=bad, headers=svc)
            assert r.status_code == 422, bad
        r = await client.post(
            "/v1/events",
            content=b"{" + b" " * 2_000_000 + b"}",
            headers={**svc, "content-type": "application/json"},
        )
        assert r.status_code == 413
        assert await count(app, InboxEvent) == 0


# ---- between services over real HTTP ------------------------------------------------------------------


async def test_sibling_delivery_over_http_is_handled_exactly_once(service_app, auth, handled, serve):
    handler, seen = handled
    async with service_app("risk-svc", handlers={"thing.happened": handler}) as (risk_app, _):
        server, task, port = await serve(risk_app)
        try:
            routes = {"requirements-svc": {"risk": ["thing.happened"]}}
            async with service_app(
                "requirements-svc", event_routes=routes, risk_url=f"http://127.0.0.1:{port}"
            ) as (app, client):
                ids = await emit(client, auth, subject="PAY-CR1", count=3)
                await emit(client, auth, type="thing.unrouted", subject="PAY-CR1")
                await drain(app)
                assert seen == ids
                # A replayed delivery reaches the sibling again and is deduplicated there.
                done = (
                    await client.get(
                        "/v1/event-deliveries", params={"target": "sibling:risk"}, headers=auth("admin")
                    )
                ).json()["items"]
                assert [d["status"] for d in done] == ["delivered"] * 3
                r = await client.post(f"/v1/event-deliveries/{done[0]['id']}/replay", headers=auth("admin"))
                assert r.status_code == 200
                await drain(app)
                assert seen == ids
                assert await count(risk_app, HistoryEntry) == 3
        finally:
            server.should_exit = True
            await task


async def test_sibling_down_is_retried_then_dead_lettered(service_app, auth):
    routes = {"requirements-svc": {"risk": ["thing.happened"]}}
    async with service_app("requirements-svc", event_routes=routes, risk_url="http://127.0.0.1:9") as (
        app,
        client,
    ):
        await emit(client, auth)
        await drain(app)
        [d] = (await client.get("/v1/event-deliveries", headers=auth("admin"))).json()["items"]
        assert d["status"] == "dead" and d["attempts"] == 4 and "unreachable" in d["last_error"]


async def test_commit_wakes_the_background_dispatcher(service_app, auth, receiver):
    # Polling every 30 s: a delivery within seconds can only come from the wake-up on commit.
    async with service_app(background=True, events_poll_seconds=30) as (app, client):
        await asyncio.sleep(0.2)  # let the dispatcher reach its wait
        await subscribe(client, auth, receiver.url)
        [event_id] = await emit(client, auth)
        async with asyncio.timeout(5):
            [got] = await receiver.wait_for(1)
        assert got.headers["webhook-id"] == event_id


async def test_several_dispatchers_share_the_work_without_losing_or_reordering(
    service_app, auth, receiver, backend
):
    async with service_app() as (app, client):
        await subscribe(client, auth, receiver.url)
        ids = {}
        for subject in ("A", "B", "C", "D"):
            ids[subject] = await emit(client, auth, subject=subject, count=8)
        receiver.statuses = [500, 500, 503]  # a few failures on the way

        async def replica() -> None:
            await drain(app, max_seconds=60)

        await asyncio.gather(*(replica() for _ in range(4)))
        await drain(app, max_seconds=60)
        got = [r.json() for r in receiver.requests]
        for subject, expected in ids.items():
            firsts: list[str] = []
            for body in got:
                if body["subject"] == subject and body["id"] not in firsts:
                    firsts.append(body["id"])
            assert firsts == expected, subject
        assert {b["id"] for b in got} == {i for v in ids.values() for i in v}
        delivered = (
            await client.get(
                "/v1/event-deliveries", params={"status": "delivered", "limit": 200}, headers=auth("admin")
            )
        ).json()["items"]
        assert len(delivered) == 32
        assert orjson.loads(receiver.requests[0].body)["source"] == "/tpmhub/test"


@pytest.mark.parametrize(
    "url",
    [
        "http://no-such-host.invalid/x",
        "http://xn--a.example/x",
        "http://[zz::1]/x",
        "http://example.com:99999/x",
    ],
)
async def test_unresolvable_or_malformed_targets_are_422(service_app, auth, url):
    async with service_app(subscriptions_allow_private_targets=False) as (app, client):
        r = await client.post(
            "/v1/subscriptions", json={"url": url, "event_types": ["*"]}, headers=auth("admin")
        )
        assert r.status_code == 422, r.text


async def test_purge_keeps_what_is_pending_and_recent(service_app, auth, receiver, make_token):
    async with service_app("risk-svc") as (app, client):
        await subscribe(client, auth, receiver.url)
        [done] = await emit(client, auth, subject="DONE")
        await drain(app)
        receiver.default = 500
        [waiting] = await emit(client, auth, subject="WAIT")
        await outbox.run_once(app)
        svc = {"Authorization": f"Bearer {make_token('viewer', service='requirements-svc')}"}
        assert (await client.post("/v1/events", json=envelope("evt-old"), headers=svc)).status_code == 200
        settings = app.state.settings.common
        assert await outbox.purge(app.state.db, settings) == (0, 0)  # nothing is old enough yet
        await asyncio.sleep(0.3)
        quick = settings.model_copy(
            update={"events_retention_days": 0.2 / 86400, "inbox_retention_days": 0.2 / 86400}
        )
        assert await outbox.purge(app.state.db, quick) == (1, 1)
        async with app.state.db.session(write=False) as session:
            left = (await session.execute(select(outbox.OutboxEvent.id))).scalars().all()
        assert [str(i) for i in left] == [waiting] and done != waiting
        assert await count(app, InboxEvent) == 0
