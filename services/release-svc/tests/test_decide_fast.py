"""The decide answers, encoded by orjson from the computed values, are the documented models' bytes: for
generated unit lists (unicode unit ids, duplicates, the maximum batch size) and rollout states, against the
ordinary path (the models built from `cohorts.decide` per unit, as the route did before)."""

from __future__ import annotations

import random
import uuid
from typing import get_args

import mmh3
from hypothesis import given, settings
from hypothesis import strategies as st
from release_svc.decisions import cohorts, service
from release_svc.decisions.schemas import (
    MAX_DECIDE_UNITS,
    DecideBatch,
    Decision,
    DecisionBatchPublic,
    DecisionPublic,
)
from release_svc.decisions.snapshot import DecisionInputs
from release_svc.rollouts.schemas import RolloutStatus, UnitKind
from tpmhub_shared.fast_reads import documented_bytes

# What UNIT_PATTERN admits (no control characters), as JSON carries it (no lone surrogates).
UNIT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters=[chr(c) for c in range(32)] + ["\x7f"]),
    min_size=1,
    max_size=256,
)
TARGET = st.builds(
    DecisionInputs.of,
    st.just("PAY"),
    st.sampled_from(get_args(RolloutStatus)),
    st.integers(0, 100),
    st.text(max_size=60),
    st.sampled_from(get_args(UnitKind)),
)


def reference_batch(rollout_id: uuid.UUID, target: DecisionInputs, units: list[str]) -> DecisionBatchPublic:
    decisions = []
    for unit in units:
        bucket, enabled = cohorts.decide(target.group_id, unit, target.percent)
        decisions.append(Decision(unit=unit, bucket=bucket, enabled=enabled))
    return DecisionBatchPublic(
        rollout_id=rollout_id,
        status=target.status,
        percent=target.percent,
        unit_kind=target.unit_kind,
        group_id=target.group_id,
        decisions=decisions,
        enabled_count=sum(d.enabled for d in decisions),
    )


@settings(max_examples=200, deadline=None)
@given(target=TARGET, units=st.lists(UNIT, min_size=1, max_size=40), repeat=st.integers(0, 5))
def test_a_batch_answer_is_the_documented_models_bytes(target, units, repeat):
    units = units + units[:repeat]  # duplicates are answered again, in place
    DecideBatch.model_validate({"units": units})  # units the route accepts
    rollout_id = uuid.uuid4()
    fast = service.batch_answer(rollout_id, target, units)
    assert fast == documented_bytes(DecisionBatchPublic, reference_batch(rollout_id, target, units))


@settings(max_examples=10, deadline=None)
@given(target=TARGET, pool=st.lists(UNIT, min_size=1, max_size=30), seed=st.integers(0, 2**32))
def test_a_batch_of_the_maximum_size_is_the_documented_models_bytes(target, pool, seed):
    rng = random.Random(seed)
    units = [rng.choice(pool) + str(n % 97) for n in range(MAX_DECIDE_UNITS)]
    DecideBatch.model_validate({"units": units})
    rollout_id = uuid.uuid4()
    fast = service.batch_answer(rollout_id, target, units)
    assert fast == documented_bytes(DecisionBatchPublic, reference_batch(rollout_id, target, units))


@settings(max_examples=200, deadline=None)
@given(target=TARGET, unit=UNIT)
def test_a_single_answer_is_the_documented_models_bytes(target, unit):
    rollout_id = uuid.uuid4()
    bucket, enabled = cohorts.decide(target.group_id, unit, target.percent)
    reference = DecisionPublic(
        unit=unit,
        bucket=bucket,
        enabled=enabled,
        rollout_id=rollout_id,
        status=target.status,
        percent=target.percent,
        unit_kind=target.unit_kind,
        group_id=target.group_id,
    )
    assert service.single_answer(rollout_id, target, unit) == documented_bytes(DecisionPublic, reference)


@given(group_id=st.text(max_size=60), unit=UNIT)
def test_the_bucket_is_unleashs_murmur3(group_id, unit):
    key = f"{group_id}:{unit}".encode()
    assert cohorts.bucket(group_id, unit) == mmh3.hash(key, 0, signed=False) % 100 + 1
