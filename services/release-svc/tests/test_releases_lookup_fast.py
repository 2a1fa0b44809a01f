"""The release look-up's fast read on both backends: releases written through the ORM (unicode versions,
every status, several projects), looked up with unknown ids, duplicates and callers that may read only some
projects, give the bytes of `ReleaseLookupResponse` built by the ordinary path (the ORM read and the
contract models, kept here as the reference)."""

from __future__ import annotations

import uuid
from typing import get_args

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from release_svc.releases import service
from release_svc.releases.models import Release
from release_svc.releases.schemas import ReleaseStatus
from sqlalchemy import select
from tpmhub_shared.auth import Principal
from tpmhub_shared.contracts import ReleaseLookupEntry, ReleaseLookupResponse
from tpmhub_shared.fast_reads import documented_bytes

TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=100
)
RELEASE = st.fixed_dictionaries(
    {
        "project_key": st.sampled_from(["PAY", "OPS", "NEW"]),
        "semver": TEXT,
        "status": st.sampled_from(get_args(ReleaseStatus)),
    }
)
ROLES = st.one_of(
    st.just({"*": "viewer"}),
    st.dictionaries(st.sampled_from(["PAY", "OPS", "NEW"]), st.sampled_from(["viewer", "ci", "tpm"])),
)


async def reference(session, principal: Principal, ids: list[uuid.UUID]) -> ReleaseLookupResponse:
    """The look-up as it was before the fast read: ORM rows, then the contract models."""
    wanted = list(dict.fromkeys(ids))
    found = {}
    if wanted:
        columns = (Release.id, Release.project_key, Release.semver, Release.status)
        for r in await session.execute(select(*columns).where(Release.id.in_(wanted))):
            if principal.can_read(r.project_key):
                found[r.id] = ReleaseLookupEntry(
                    id=r.id, project_key=r.project_key, version=r.semver, status=r.status
                )
    return ReleaseLookupResponse(
        releases=[found[i] for i in wanted if i in found], missing=[i for i in wanted if i not in found]
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    releases=st.lists(RELEASE, max_size=8),
    unknown=st.lists(st.uuids(), max_size=3),
    roles=ROLES,
    order=st.randoms(use_true_random=False),
    repeat=st.integers(0, 3),
)
async def test_the_fast_lookup_is_the_documented_models_bytes(
    client, releases, unknown, roles, order, repeat
):
    db = client._transport.app.state.db
    async with db.session() as session:
        # (project, version) is unique: each generated version gets a distinct suffix.
        rows = [
            Release(created_by="prop", **{**r, "semver": f"{r['semver']}+{uuid.uuid4().hex[:12]}"})
            for r in releases
        ]
        session.add_all(rows)
        await session.commit()
        ids = [r.id for r in rows] + unknown
    order.shuffle(ids)
    ids += ids[:repeat]
    principal = Principal(sub="prop", roles=roles)
    async with db.session(write=False) as session:
        fast = await service.lookup_releases(session, principal=principal, ids=ids)
        expected = documented_bytes(ReleaseLookupResponse, await reference(session, principal, ids))
    assert fast == expected
