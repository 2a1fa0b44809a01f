"""The fast-read primitives on both backends: rows written through the ORM, read back on the driver
connection, decoded and encoded by orjson, give the documented model's bytes (unicode, nulls, extremes,
JSON values)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select
from tpmhub_shared import fast_reads
from tpmhub_shared.history import HistoryEntry, HistoryEntryPublic

# Any unicode PostgreSQL stores (JSON has no lone surrogates; PostgreSQL's text has no NUL).
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False, width=64)
    | TEXT
)
JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)
CHANGE = st.fixed_dictionaries({"field": TEXT, "before": JSON, "after": JSON})
MOMENT = st.datetimes(
    min_value=datetime(1970, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
)
ENTRY = st.fixed_dictionaries(
    {
        "resource_type": TEXT.map(lambda s: s[:40]),
        "resource_id": TEXT.map(lambda s: s[:64]),
        "action": st.sampled_from(["create", "update", "move"]),
        "actor": TEXT,
        "actor_name": TEXT,
        "at": MOMENT,
        "changes": st.lists(CHANGE, max_size=3),
        "note": st.none() | TEXT,
    }
)

READ = fast_reads.Statement(
    "SELECT id, resource_type, resource_id, action, actor, actor_name, at, changes, note"
    " FROM history WHERE project_key = $1 AND id = ANY($2) ORDER BY at, id",
    "SELECT id, resource_type, resource_id, action, actor, actor_name, at, changes, note"
    " FROM history WHERE project_key = ?1 AND id IN (SELECT value FROM json_each(?2)) ORDER BY at, id",
)


def _public(row) -> dict:
    id_, rtype, rid, action, actor, actor_name, at, changes, note = row
    return {
        "id": fast_reads.uuid_text(id_),
        "resource_type": rtype,
        "resource_id": rid,
        "action": action,
        "actor": actor,
        "actor_name": actor_name,
        "at": fast_reads.datetime_value(at),
        # A JSON column's objects in the model's field order: PostgreSQL's jsonb keeps its own key order.
        "changes": [
            {"field": c["field"], "before": c.get("before"), "after": c.get("after")}
            for c in fast_reads.json_value(changes)
        ],
        "note": note,
    }


@pytest.fixture
async def db(service_app):
    async with service_app("requirements-svc") as (app, _client):
        yield app.state.db


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(ENTRY, min_size=1, max_size=4))
async def test_driver_rows_encode_to_the_documented_bytes(db, entries):
    rows = [HistoryEntry(project_key="FAST", **e) for e in entries]
    async with db.session() as session:
        await session.execute(delete(HistoryEntry).where(HistoryEntry.project_key == "FAST"))
        session.add_all(rows)
        await session.commit()
    ids = [r.id for r in rows]
    async with db.session(write=False) as session:
        fetched = await fast_reads.fetch(session, READ, "FAST", ids)
        # The ordinary path: the ORM's read of the same rows, through the documented model.
        query = (
            select(HistoryEntry).where(HistoryEntry.id.in_(ids)).order_by(HistoryEntry.at, HistoryEntry.id)
        )
        expected = (await session.execute(query)).scalars().all()
    fast = fast_reads.encode([_public(r) for r in fetched])
    expected_bytes = fast_reads.documented_bytes(
        list[HistoryEntryPublic],
        [HistoryEntryPublic.model_validate(r, from_attributes=True) for r in expected],
    )
    assert fast == expected_bytes, f"{fast!r}\n{expected_bytes!r}"


async def test_a_missing_row_and_a_sqlite_uuid_parameter(db):
    async with db.session(write=False) as session:
        assert await fast_reads.fetch_one(session, READ, "FAST", [uuid.uuid4()]) is None
        assert fast_reads.dialect_of(session) in {"postgresql", "sqlite"}


def test_the_sqlite_text_is_derived_from_the_postgresql_one():
    statement = fast_reads.Statement("SELECT 1 WHERE a = $1 AND b = $12")
    assert statement.sqlite == "SELECT 1 WHERE a = ?1 AND b = ?12"


def test_documented_bytes_are_pydantics_json_of_the_model():
    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    value = {
        "id": uuid.UUID(int=1),
        "resource_type": "item",
        "resource_id": "PAY-1",
        "action": "update",
        "actor": "é",
        "actor_name": "",
        "at": at,
        "changes": [],
        "note": None,
    }
    assert fast_reads.documented_bytes(HistoryEntryPublic, value) == fast_reads.encode(value)
    assert b'"2026-01-02T03:04:05Z"' in fast_reads.encode(value)


async def test_a_datetime_parameter_compares_with_the_stored_text(db):
    """SQLite keeps the ORM's date-times as text with six fraction digits: a parameter of a whole second
    must be written the same way to compare equal (a keyset cursor on `created_at` relies on it)."""
    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    row = HistoryEntry(
        project_key="FAST",
        resource_type="item",
        resource_id="FAST-1",
        action="create",
        actor="a",
        actor_name="A",
        at=at,
        changes=[],
    )
    async with db.session() as session:
        await session.execute(delete(HistoryEntry).where(HistoryEntry.project_key == "FAST"))
        session.add(row)
        await session.commit()
    same_moment = fast_reads.Statement("SELECT count(*) FROM history WHERE project_key = $1 AND at = $2")
    async with db.session(write=False) as session:
        assert (await fast_reads.fetch_one(session, same_moment, "FAST", at))[0] == 1


async def test_reads_follow_the_sessions_transaction_across_commits(db):
    """The driver connection is kept per transaction: after a commit the next read runs in the session's new
    transaction and sees what it has flushed, not on the connection the last one held."""
    count = fast_reads.Statement("SELECT count(*) FROM history WHERE project_key = $1")

    def entry(n: int) -> HistoryEntry:
        at = datetime(2026, 1, 2, tzinfo=UTC)
        return HistoryEntry(
            project_key="FAST",
            resource_type="item",
            resource_id=f"FAST-{n}",
            action="create",
            actor="a",
            actor_name="A",
            at=at,
            changes=[],
        )

    # Two idle connections in the pool, so that the second transaction may well get the other one.
    async with db.session(write=False) as first, db.session(write=False) as second:
        await fast_reads.fetch_one(first, count, "FAST")
        await fast_reads.fetch_one(second, count, "FAST")
    async with db.session() as session:
        await session.execute(delete(HistoryEntry).where(HistoryEntry.project_key == "FAST"))
        session.add(entry(1))
        await session.flush()
        assert (await fast_reads.fetch_one(session, count, "FAST"))[0] == 1
        await session.commit()
        session.add(entry(2))
        await session.flush()
        assert (await fast_reads.fetch_one(session, count, "FAST"))[0] == 2
        await session.rollback()
        assert (await fast_reads.fetch_one(session, count, "FAST"))[0] == 1
