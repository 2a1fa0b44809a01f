"""Sticky cohort hashing, compatible with Unleash's `normalizedValue` (gradual rollout strategy):
MurmurHash3 x86 32-bit, seed 0, unsigned, of "{group_id}:{unit}", mod 100, + 1 → a bucket in 1..100.
A unit is inside at p% when its bucket ≤ p, so raising the percent only ever adds units, and every service
using the same group id puts the same units in."""

import mmh3


def bucket(group_id: str, unit: str) -> int:
    # Encode first (strict UTF-8, as Unleash does): text that is not valid Unicode raises here instead of
    # reaching the C hash.
    return mmh3.hash(f"{group_id}:{unit}".encode(), 0, signed=False) % 100 + 1


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


def is_in(group_id: str, unit: str, percent: int) -> bool:
    return decide(group_id, unit, percent)[1]
