"""`item.created` reaches subscribers for every way an item comes to exist: one at a time, in bulk, by
a CSV import; nothing is emitted when the write is refused."""

import pytest
from sqlalchemy import select
from tpmhub_shared.db import Database
from tpmhub_shared.events import OutboxEvent
from tpmhub_shared.events.types import BY_TYPE


@pytest.fixture
async def db(client, req_settings):
    database = Database(req_settings.database_url)
    yield database
    await database.dispose()


async def created_events(db) -> list[dict]:
    async with db.session(write=False) as session:
        rows = await session.execute(
            select(OutboxEvent.subject, OutboxEvent.data)
            .where(OutboxEvent.type == "item.created")
            .order_by(OutboxEvent.id)
        )
        return [{"subject": s, **d} for s, d in rows]


async def test_each_way_of_creating_items_emits_item_created(client, auth, db):
    project = await client.post("/v1/projects", json={"key": "PAY", "name": "P"}, headers=auth())
    assert project.status_code == 201
    h = auth("tpm", "PAY", sub="tina")
    one = await client.post(
        "/v1/projects/PAY/items",
        json={"type": "epic", "title": "Wallets", "criteria": ["a", "b"], "points": 8},
        headers=h,
    )
    assert one.status_code == 201, one.text
    bulk = await client.post(
        "/v1/projects/PAY/items/batch",
        json={
            "items": [
                {"type": "feature", "title": "Apple Pay", "parent": "PAY-1"},
                {"type": "bug", "title": "Crash", "severity": "S1"},
            ]
        },
        headers=h,
    )
    assert bulk.status_code == 201, bulk.text
    csv = "Summary,Issue key,Issue Type,Status\nImported story,J-1,Story,Done\n"
    imported = await client.post(
        "/v1/projects/PAY/items/import", content=csv.encode(), headers={**h, "Content-Type": "text/csv"}
    )
    assert imported.status_code in (200, 201), imported.text

    events = await created_events(db)
    assert [e["subject"] for e in events] == ["PAY-1", "PAY-2", "PAY-3", "PAY-4"]
    for e in events:
        BY_TYPE["item.created"].model.model_validate(e)
        assert e["key"] == e["subject"] and e["project_key"] == "PAY" and e["created_by"] == "tina"
    assert events[0]["type"] == "epic" and events[0]["criteria"] == 2 and events[0]["points"] == 8
    assert events[1]["parent"] == "PAY-1"
    assert events[2]["severity"] == "S1"
    assert events[3]["status"] == "done" and events[3]["title"] == "Imported story"


async def test_a_refused_create_emits_nothing(client, auth, db):
    project = await client.post("/v1/projects", json={"key": "PAY", "name": "P"}, headers=auth())
    assert project.status_code == 201
    bad = await client.post(
        "/v1/projects/PAY/items/batch",
        json={
            "items": [{"type": "story", "title": "ok"}, {"type": "story", "title": "x", "parent": "PAY-99"}]
        },
        headers=auth("tpm", "PAY"),
    )
    assert bad.status_code == 422
    forbidden = await client.post(
        "/v1/projects/PAY/items", json={"type": "story", "title": "t"}, headers=auth("viewer", "PAY")
    )
    assert forbidden.status_code == 403
    assert await created_events(db) == []
