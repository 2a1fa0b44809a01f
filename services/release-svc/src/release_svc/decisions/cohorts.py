"""Sticky cohort hashing, compatible with Unleash's `normalizedValue` (gradual rollout strategy):
MurmurHash3 x86 32-bit, seed 0, unsigned, of "{group_id}:{unit}", mod 100, + 1 → a bucket in 1..100.
A unit is inside at p% when its bucket ≤ p, so raising the percent only ever adds units, and every service
using the same group id puts the same units in."""

from collections.abc import Sequence
from typing import Any

import mmh3

# MurmurHash3 x86 32-bit of bytes, seed 0, unsigned: `mmh3.hash(key, 0, signed=False)` without its argument
# parsing (a vectorcall of one argument).
_murmur = mmh3.mmh3_32_uintdigest


def bucket(group_id: str, unit: str) -> int:
    # Encode first (strict UTF-8, as Unleash does): text that is not valid Unicode raises here instead of
    # reaching the C hash.
    return _murmur(f"{group_id}:{unit}".encode()) % 100 + 1


def exposure(status: str, current_percent: int) -> int:
    """The share of units inside: nobody before start or after rollback, everybody after completion."""
    if status == "completed":
        return 100
    if status in ("running", "paused"):
        return current_percent
    return 0


def decide(group_id: str, unit: str, percent: int) -> tuple[int, bool]:
    """(bucket, inside) of one unit at `percent` exposed: the one place the inclusion rule lives."""
    unit_bucket = bucket(group_id, unit)
    return unit_bucket, percent > 0 and unit_bucket <= percent


def decide_all(group_id: str, units: Sequence[str], percent: int) -> tuple[list[dict[str, Any]], int]:
    """Each unit's `Decision` as a dict (unit, bucket, enabled, in order; duplicates decided again) and how
    many are inside: `decide` per unit, with the loop's work cut to one hash call per unit."""
    prefix = f"{group_id}:"
    murmur = _murmur
    decisions = []
    inside = 0
    if percent <= 0:
        for unit in units:
            decisions.append(
                {"unit": unit, "bucket": murmur((prefix + unit).encode()) % 100 + 1, "enabled": False}
            )
        return decisions, 0
    for unit in units:
        unit_bucket = murmur((prefix + unit).encode()) % 100 + 1
        enabled = unit_bucket <= percent
        inside += enabled
        decisions.append({"unit": unit, "bucket": unit_bucket, "enabled": enabled})
    return decisions, inside


def is_in(group_id: str, unit: str, percent: int) -> bool:
    return decide(group_id, unit, percent)[1]
