"""The gate's thin path on both backends: the decision written by one INSERT and answered by orjson gives
the bytes `GateResult` gives for the same decision read back through the ORM (the ordinary path: the
model, `to_result`), for generated checks (unicode, empty and long lists, durations, overrides)."""

from __future__ import annotations

import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from release_svc.gate import service
from release_svc.gate.models import GateDecision
from release_svc.gate.router import to_result
from release_svc.gate.schemas import GateResult
from tpmhub_shared.auth import Principal
from tpmhub_shared.fast_reads import documented_bytes

TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
DURATION = st.floats(min_value=0, max_value=1e7, allow_nan=False).map(lambda x: round(x, 2))
CHECK = st.fixed_dictionaries(
    {
        "name": st.sampled_from(["state", "approvals", "checklist", "freeze", "scope", "risks", "rollout"]),
        "passed": st.booleans(),
        "reason": TEXT,
        "offending_ids": st.lists(TEXT, max_size=4),
    },
    optional={"duration_ms": DURATION},
)
DECISION = st.fixed_dictionaries(
    {
        "sub": TEXT.filter(bool),
        "name": TEXT,
        "project_key": st.from_regex(r"[A-Z]{2,10}", fullmatch=True),
        "version": TEXT,
        "environment": TEXT,
        "checks": st.lists(CHECK, max_size=8),
        "duration_ms": DURATION,
        "request_id": st.none() | TEXT,
        "action": st.none() | st.sampled_from(["rollout.start", "rollout.advance", "rollout.auto_advance"]),
        "rollout_id": st.none() | st.uuids(),
        "override_reason": st.none() | TEXT,
    }
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(d=DECISION)
async def test_the_gate_answer_is_the_documented_models_bytes(client, d):
    db = client._transport.app.state.db
    principal = Principal(sub=d["sub"], name=d["name"], roles={"*": "admin"})
    async with db.session(write=False) as session:
        row = await service.record_decision(
            session,
            principal=principal,
            release_id=uuid.uuid4(),
            project_key=d["project_key"],
            version=d["version"],
            environment=d["environment"],
            checks=d["checks"],
            duration_ms=d["duration_ms"],
            request_id=d["request_id"],
            action=d["action"],
            rollout_id=d["rollout_id"],
            override_reason=d["override_reason"],
        )
        await session.commit()
    fast = service.answer_bytes(row)
    async with db.session(write=False) as session:
        stored = await session.get(GateDecision, row["id"])
        assert stored is not None
        assert stored.asked_by_name == d["name"] and stored.request_id == d["request_id"]
        assert fast == documented_bytes(GateResult, to_result(stored))
