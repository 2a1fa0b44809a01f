"""The three hot reads of items answered as bytes (items/fast_reads.py, lookups/fast.py) give exactly the
documented models' bytes of the ordinary path (the ORM/Core reads, `read_models.publish`,
`lookups.service.lookup_items`), for generated items: unicode text, nulls, extreme numbers and scores,
labels, JSON columns, parents and children for the roll-ups, criteria in every state, deleted items; every
page of a list followed by its cursors, under each sort and several filters. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from requirements_svc.criteria.models import CRITERION_STATUSES, AcceptanceCriterion
from requirements_svc.items import fast_reads, service
from requirements_svc.items.models import ITEM_STATUSES, ITEM_TYPES, MOSCOW, PRIORITIES, Item
from requirements_svc.items.read_models import publish
from requirements_svc.items.repository import SORTS
from requirements_svc.items.schemas import ItemPublic
from requirements_svc.lookups import fast as fast_lookup
from requirements_svc.lookups import service as lookup_service
from requirements_svc.projects.models import Project
from sqlalchemy import delete, select
from tpmhub_shared.auth import Principal
from tpmhub_shared.contracts import ItemLookupRequest, ItemLookupResponse
from tpmhub_shared.db import Database
from tpmhub_shared.fast_reads import documented_bytes
from tpmhub_shared.pagination import Page

PROJECT = "FAST"
READER = Principal(sub="reader", roles={PROJECT: "viewer"})
SERVICE = Principal(sub="release-svc", service="release-svc")

# Any unicode both databases store (no NUL, no lone surrogates).
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
WORDS = st.sampled_from(["refund", "wallet", "Ünïcode", "日本語", "card"])
FLOAT = st.floats(min_value=-1e300, max_value=1e300, allow_nan=False, allow_infinity=False)
INT32 = st.integers(-(2**31), 2**31 - 1)
MOMENT = st.datetimes(
    min_value=datetime(1970, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
)
RELEASE = st.fixed_dictionaries(
    {"released_at": MOMENT.map(lambda m: m.isoformat()), "version": TEXT, "release_id": st.uuids().map(str)}
)
REFERENCE = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["commit", "pull_request", "branch"]),
        "repository": TEXT,
        "ref": TEXT,
    },
    optional={"title": TEXT, "url": st.none() | TEXT, "at": st.none() | MOMENT.map(lambda m: m.isoformat())},
)
ITEM = st.fixed_dictionaries(
    {
        "type": st.sampled_from(ITEM_TYPES),
        "title": st.builds(lambda w, t: f"{w} {t}", WORDS, TEXT),
        "description": TEXT,
        "status": st.sampled_from(ITEM_STATUSES),
        "priority": st.sampled_from(PRIORITIES),
        "labels": st.lists(st.sampled_from(["checkout", "mobile", "ü"]) | TEXT, max_size=3),
        "assignee": st.none() | TEXT,
        "points": st.none() | FLOAT,
        "milestone_id": st.none() | st.uuids(),
        "prd_section_id": st.none() | TEXT,
        "rank": st.text("0123abc", min_size=1, max_size=4),
        "reach": st.none() | INT32,
        "impact": st.none() | FLOAT,
        "confidence": st.none() | INT32,
        "effort": st.none() | FLOAT,
        "rice_score": FLOAT,
        "business_value": st.none() | INT32,
        "time_criticality": st.none() | INT32,
        "risk_reduction": st.none() | INT32,
        "job_size": st.none() | INT32,
        "wsjf_score": FLOAT,
        "moscow": st.none() | st.sampled_from(MOSCOW),
        "severity": st.none() | st.sampled_from(["S1", "S2", "S3", "S4"]),
        "found_in": st.none() | st.sampled_from(["1.0", "2.0"]),
        "fixed_in": st.none() | TEXT,
        "released_in": st.lists(RELEASE, max_size=2),
        "references": st.lists(REFERENCE, max_size=2),
        "created_by": TEXT,
        "done_at": st.none() | MOMENT,
        "created_at": MOMENT,
        "updated_at": MOMENT,
        "version": st.integers(1, 2**31 - 1),
        "deleted": st.sampled_from([False, False, False, True]),
        "parent": st.none() | st.integers(0, 10),
        "criteria": st.lists(st.sampled_from(CRITERION_STATUSES), max_size=4),
    }
)
SORT = st.sampled_from(sorted(SORTS)).flatmap(
    lambda name: st.sampled_from([name, f"-{name}", f"{name},-created", f"-priority,{name}"])
)
# No filter half of the time, so that lists run over several pages.
FILTERS = st.just({}) | st.fixed_dictionaries(
    {},
    optional={
        "status": st.lists(st.sampled_from(ITEM_STATUSES), min_size=1, max_size=3),
        "type": st.lists(st.sampled_from(ITEM_TYPES), min_size=1, max_size=3),
        "label": st.sampled_from(["checkout", "ü"]),
        "parent": st.just(f"{PROJECT}-1"),
        "severity": st.lists(st.sampled_from(["S1", "S2"]), min_size=1),
    },
)
SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
async def db(client, req_settings):
    database = Database(req_settings.database_url)
    async with database.session() as session:
        session.add(Project(key=PROJECT, name="Fast"))
        await session.commit()
    yield database
    await database.dispose()


async def write(db: Database, specs: list[dict]) -> list[Item]:
    """The generated items (and their criteria) in place of the previous example's."""
    async with db.session() as session:
        await session.execute(delete(AcceptanceCriterion).where(AcceptanceCriterion.project_key == PROJECT))
        await session.execute(delete(Item).where(Item.project_key == PROJECT))
        items: list[Item] = []
        for n, spec in enumerate(specs, start=1):
            values = dict(spec)
            parent, criteria, deleted = values.pop("parent"), values.pop("criteria"), values.pop("deleted")
            item = Item(project_key=PROJECT, key=f"{PROJECT}-{n}", number=n, **values)
            if deleted:
                item.deleted_at = values["updated_at"]
            if parent is not None and parent < len(items):
                item.parent_id, item.parent_key = items[parent].id, items[parent].key
            items.append(item)
            session.add(item)
            await session.flush()
            session.add_all(
                AcceptanceCriterion(
                    item_id=item.id, project_key=PROJECT, item_key=item.key, position=i, text="c", status=s
                )
                for i, s in enumerate(criteria)
            )
        await session.commit()
    return items


@SETTINGS
@given(specs=st.lists(ITEM, min_size=1, max_size=6))
async def test_get_item_bytes_are_the_documented_ones(db, specs):
    items = await write(db, specs)
    async with db.session(write=False) as session:
        for item in items:
            if item.deleted_at is not None:
                with pytest.raises(Exception, match="does not exist"):
                    await fast_reads.item_bytes(session, principal=READER, key=item.key)
                continue
            body, version = await fast_reads.item_bytes(session, principal=READER, key=item.key)
            row = await service.read_item(session, principal=READER, key=item.key)
            (expected,) = await publish(session, [row])
            assert body == documented_bytes(ItemPublic, expected)
            assert version == row.version


@settings(SETTINGS, max_examples=50)
@given(
    specs=st.lists(ITEM, min_size=2, max_size=8),
    sort=st.none() | SORT,
    filters=FILTERS,
    q=st.sampled_from([None, None, None, "refund", "日本語 card", "%%"]),
    limit=st.integers(1, 2),
)
async def test_every_list_page_is_the_documented_one(db, specs, sort, filters, q, limit):
    await write(db, specs)
    args = {"project_key": PROJECT, "filters": filters, "q": q, "sort": sort, "limit": limit}
    cursor = None
    async with db.session(write=False) as session:
        for _ in range(len(specs) + 1):
            body = await fast_reads.page_bytes(session, principal=READER, cursor=cursor, **args)
            rows, cursor = await service.list_items(session, principal=READER, cursor=cursor, **args)
            page = Page[ItemPublic](items=await publish(session, rows), next_cursor=cursor)
            assert body == documented_bytes(Page[ItemPublic], page)
            if cursor is None:
                break
        assert cursor is None


@SETTINGS
@given(
    specs=st.lists(ITEM, min_size=1, max_size=6),
    found_in=st.none() | st.sampled_from(["1.0", "2.0"]),
    principal=st.sampled_from([SERVICE, READER, Principal(sub="other", roles={"OTHER": "viewer"})]),
    extra_ids=st.lists(st.uuids(), max_size=2),
)
async def test_item_lookup_bytes_are_the_documented_ones(db, specs, found_in, principal, extra_ids):
    items = await write(db, specs)
    keys = [i.key for i in items] + [f"{PROJECT}-999", "OTHER-1"]
    async with db.session(write=False) as session:
        criteria = list((await session.execute(select(AcceptanceCriterion.id))).scalars())
    body = ItemLookupRequest(
        keys=keys, found_in=found_in, prd_ids=extra_ids, criterion_ids=[*criteria[:3], *extra_ids]
    )
    async with db.session(write=False) as session:
        fast = await fast_lookup.lookup_bytes(session, principal=principal, body=body)
        expected = await lookup_service.lookup_items(session, principal=principal, body=body)
    assert fast == documented_bytes(ItemLookupResponse, expected)
    # And without keys: every readable project's bugs found in the version.
    no_keys = ItemLookupRequest(found_in=found_in or "1.0")
    async with db.session(write=False) as session:
        fast = await fast_lookup.lookup_bytes(session, principal=principal, body=no_keys)
        expected = await lookup_service.lookup_items(session, principal=principal, body=no_keys)
    assert fast == documented_bytes(ItemLookupResponse, expected)
