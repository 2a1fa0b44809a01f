"""Deleting a backlog item (`DELETE /v1/items/{key}`): a soft delete with history, refused while children,
a release scope or a risk link hold it, and 503 (nothing deleted) when a sibling cannot be asked — with the
real risk-svc and release-svc in-process, each wired back to this requirements-svc."""

import socket

import httpx
import pytest
from requirements_svc.items.models import Item
from sqlalchemy import select
from tpmhub_shared.events import OutboxEvent
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.testing.plugin import LifespanClient, migrated_database, truncate_all


class CountingTransport(httpx.AsyncBaseTransport):
    def __init__(self, app) -> None:  # noqa: ANN001
        self.inner = httpx.ASGITransport(app=app)
        self.paths: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        return await self.inner.handle_async_request(request)


@pytest.fixture(scope="session")
async def sibling_apps(backend, request, common_settings):
    from release_svc.main import SPEC as RELEASE_SPEC
    from release_svc.main import create_app as release_app
    from release_svc.settings import Settings as ReleaseSettings
    from risk_svc.main import SPEC as RISK_SPEC
    from risk_svc.main import create_app as risk_app
    from risk_svc.settings import Settings as RiskSettings

    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    risk_settings = await migrated_database(RISK_SPEC, RiskSettings, backend, pg, common_settings)
    release_settings = await migrated_database(RELEASE_SPEC, ReleaseSettings, backend, pg, common_settings)
    risk, release = LifespanClient(risk_app(risk_settings)), LifespanClient(release_app(release_settings))
    async with risk as risk_client, release as release_client:
        yield {
            "risk": (risk.app, risk_client, risk_settings),
            "release": (release.app, release_client, release_settings),
        }


def _sibling(name, settings, caller, transport, timeout=10.0):  # noqa: ANN001, ANN202
    return SiblingClient(
        name=f"{name}-svc",
        base_url=f"http://{name}",
        settings=settings.common,
        caller=caller,
        transport=transport,
        timeout=timeout,
    )


@pytest.fixture
async def wired(client, sibling_apps, req_settings):
    """requirements-svc asks the real risk-svc and release-svc (calls counted); they ask it back (scope and
    link validation go through the item look-up)."""
    app = client._transport.app
    saved = {a: dict(a.state.siblings) for a in (app, sibling_apps["risk"][0], sibling_apps["release"][0])}
    counters, made = {}, []
    for name, (sib_app, _, settings) in sibling_apps.items():
        await truncate_all(settings.database_url)
        counters[name] = CountingTransport(sib_app)
        app.state.siblings[name] = _sibling(name, req_settings, "requirements-svc", counters[name])
        sib_app.state.siblings["requirements"] = _sibling(
            "requirements", settings, name + "-svc", httpx.ASGITransport(app=app)
        )
        made += [app.state.siblings[name], sib_app.state.siblings["requirements"]]
    yield {
        "risk": sibling_apps["risk"][1],
        "release": sibling_apps["release"][1],
        "counters": counters,
        "app": app,
        "req_settings": req_settings,
    }
    for a, siblings in saved.items():
        for name, sib in a.state.siblings.items():
            if sib is not siblings.get(name) and sib not in made:
                await sib.aclose()
        a.state.siblings.clear()
        a.state.siblings.update(siblings)
    for sib in made:
        await sib.aclose()


@pytest.fixture
async def backlog(client, auth, wired):
    """Project PAY: PAY-1 epic > PAY-2 feature; PAY-3 story with a criterion; PAY-4 story."""
    h = auth("tpm", "PAY")
    r = await client.post("/v1/projects", json={"key": "PAY", "name": "Pay"}, headers=h)
    assert r.status_code == 201
    for body in (
        {"type": "epic", "title": "Wallets", "points": 8},
        {"type": "feature", "title": "Saved cards", "parent": "PAY-1", "points": 5},
        {"type": "story", "title": "Refund to card", "criteria": ["Refund reaches the card"]},
        {"type": "story", "title": "Pay by link"},
    ):
        r = await client.post("/v1/projects/PAY/items", json=body, headers=h)
        assert r.status_code == 201, r.text
    return h


async def _events(app, type_="item.deleted"):
    async with app.state.db.session(write=False) as session:
        rows = await session.execute(select(OutboxEvent).where(OutboxEvent.type == type_))
        return list(rows.scalars())


async def test_delete_is_soft_keeps_history_and_hides_the_item_everywhere(client, auth, backlog, wired):
    h = backlog
    crit = (await client.get("/v1/items/PAY-3/criteria", headers=h)).json()[0]["id"]
    # If-Match is required; a stale one is 412; engineers may not delete.
    assert (await client.delete("/v1/items/PAY-3", headers=h)).status_code == 428
    r = await client.delete("/v1/items/PAY-3", headers={**h, "If-Match": '"7"'})
    assert r.status_code == 412 and r.headers["content-type"].startswith("application/problem+json")
    r = await client.delete("/v1/items/PAY-3", headers={**auth("engineer", "PAY"), "If-Match": '"1"'})
    assert r.status_code == 403
    assert await _events(wired["app"]) == []

    r = await client.delete("/v1/items/PAY-3", headers={**h, "If-Match": '"1"'})
    assert r.status_code == 204, r.text
    # Each sibling asked once.
    assert wired["counters"]["release"].paths.count("/v1/releases/scope-query") == 1
    assert wired["counters"]["risk"].paths.count("/v1/risks/link-query") == 1

    assert (await client.get("/v1/items/PAY-3", headers=h)).status_code == 404
    assert (await client.patch("/v1/items/PAY-3", json={"title": "x"}, headers=h)).status_code == 404
    assert (await client.delete("/v1/items/PAY-3", headers={**h, "If-Match": "*"})).status_code == 404
    assert (await client.get("/v1/items/PAY-3/criteria", headers=h)).status_code == 404
    r = await client.patch(f"/v1/criteria/{crit}", json={"text": "changed"}, headers=h)
    assert r.status_code == 404
    listed = [i["key"] for i in (await client.get("/v1/projects/PAY/items", headers=h)).json()["items"]]
    assert listed == ["PAY-1", "PAY-2", "PAY-4"]
    found = (await client.get("/v1/projects/PAY/items?q=refund", headers=h)).json()["items"]
    assert found == []
    r = await client.post("/v1/items/lookup", json={"keys": ["PAY-3", "PAY-4"]}, headers=h)
    assert r.status_code == 200
    assert [i["key"] for i in r.json()["items"]] == ["PAY-4"] and r.json()["missing"] == ["PAY-3"]
    r = await client.post(
        "/v1/projects/PAY/items", json={"type": "task", "title": "t", "parent": "PAY-3"}, headers=h
    )
    assert r.status_code == 422
    # The history stays readable and ends with the deletion.
    r = await client.get("/v1/items/PAY-3/history", headers=h)
    assert r.status_code == 200
    last = r.json()["items"][-1]
    assert (last["action"], last["actor"]) == ("delete", "alice")
    assert [c["field"] for c in last["changes"]] == ["deleted_at", "deleted_by"]
    events = await _events(wired["app"])
    assert [(e.subject, e.data["deleted_by"], e.data["title"]) for e in events] == [
        ("PAY-3", "alice", "Refund to card")
    ]
    from tpmhub_shared.events.types import BY_TYPE

    BY_TYPE["item.deleted"].model.model_validate(events[0].data)
    # The row is still there, marked.
    async with wired["app"].state.db.session(write=False) as session:
        row = (await session.execute(select(Item).where(Item.key == "PAY-3"))).scalar_one()
    assert row.deleted_at is not None and row.deleted_by == "alice"


async def test_children_must_go_first_and_roll_ups_forget_deleted_children(client, backlog):
    h = backlog
    r = await client.delete("/v1/items/PAY-1", headers={**h, "If-Match": '"1"'})
    assert r.status_code == 409 and r.json()["children"] == ["PAY-2"]
    assert (await client.get("/v1/items/PAY-1", headers=h)).status_code == 200
    before = (await client.get("/v1/items/PAY-1", headers=h)).json()["rollup"]
    assert (before["descendants"], before["points_total"]) == (1, 5)
    assert before["children_by_status"] == {"backlog": 1}
    r = await client.delete("/v1/items/PAY-2", headers={**h, "If-Match": '"1"'})
    assert r.status_code == 204, r.text
    after = (await client.get("/v1/items/PAY-1", headers=h)).json()["rollup"]
    assert (after["descendants"], after["points_total"], after["children_by_status"]) == (0, 0, {})
    assert (await client.get("/v1/projects/PAY/items?parent=PAY-1", headers=h)).json()["items"] == []
    r = await client.delete("/v1/items/PAY-1", headers={**h, "If-Match": '"1"'})
    assert r.status_code == 204, r.text


async def test_refused_while_a_release_scope_or_a_risk_link_holds_it(client, auth, backlog, wired):
    h = backlog
    rel = await wired["release"].post(
        "/v1/projects/PAY/releases", json={"version": "1.4.0", "scope": ["PAY-4"]}, headers=h
    )
    assert rel.status_code == 201, rel.text
    risk = await wired["risk"].post(
        "/v1/projects/PAY/risks",
        json={"title": "Link provider outage", "category": "dependency", "probability": 2, "impact": 2},
        headers=h,
    )
    assert risk.status_code == 201, risk.text
    r = await wired["risk"].post("/v1/risks/PAY-R1/links", json={"items": ["PAY-4"]}, headers=h)
    assert r.status_code == 200, r.text

    r = await client.delete("/v1/items/PAY-4", headers={**h, "If-Match": '"1"'})
    assert r.status_code == 409, r.text
    held = r.json()["held_by"]
    assert [(x["version"], x["status"]) for x in held["releases"]] == [("1.4.0", "draft")]
    assert held["releases"][0]["id"] == rel.json()["id"]
    assert [x["key"] for x in held["risks"]] == ["PAY-R1"]
    assert "1.4.0" in r.json()["detail"] and "PAY-R1" in r.json()["detail"]
    assert (await client.get("/v1/items/PAY-4", headers=h)).status_code == 200
    assert await _events(wired["app"]) == []

    # Taken out of the scope: only the risk holds it.
    rid = rel.json()["id"]
    r = await wired["release"].patch(f"/v1/releases/{rid}", json={"scope": []}, headers=h)
    assert r.status_code == 200, r.text
    r = await client.delete("/v1/items/PAY-4", headers={**h, "If-Match": '"1"'})
    assert r.status_code == 409 and r.json()["held_by"]["releases"] == []
    assert (await wired["risk"].delete("/v1/risks/PAY-R1/links/item/PAY-4", headers=h)).status_code == 204
    r = await client.delete("/v1/items/PAY-4", headers={**h, "If-Match": '"1"'})
    assert r.status_code == 204, r.text
    # Once deleted, the siblings no longer accept it (their look-up reports it missing).
    r = await wired["release"].patch(f"/v1/releases/{rid}", json={"scope": ["PAY-4"]}, headers=h)
    assert r.status_code == 422
    r = await wired["risk"].post("/v1/risks/PAY-R1/links", json={"items": ["PAY-4"]}, headers=h)
    assert r.status_code == 422


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("down", ["risk", "release"])
async def test_a_sibling_down_is_503_and_nothing_is_deleted(client, backlog, wired, down):
    h = backlog
    app = wired["app"]
    dead = SiblingClient(
        name=f"{down}-svc",
        base_url=f"http://127.0.0.1:{_closed_port()}",
        settings=wired["req_settings"].common,
        caller="requirements-svc",
        timeout=0.5,
    )
    app.state.siblings[down] = dead  # closed by the `wired` fixture
    r = await client.delete("/v1/items/PAY-4", headers={**h, "If-Match": '"1"'})
    assert r.status_code == 503, r.text
    assert r.json()["sibling"] == f"{down}-svc"
    assert (await client.get("/v1/items/PAY-4", headers=h)).status_code == 200
    hist = (await client.get("/v1/items/PAY-4/history", headers=h)).json()["items"]
    assert "delete" not in [e["action"] for e in hist]
    assert await _events(app) == []
