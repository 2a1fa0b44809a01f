"""Version patterns (`release/{version}`, `*-rc/{version}`): matched in linear time, bounded when saved.

A pattern is literal text with `*` (any run of characters, possibly empty) and exactly one `{version}`
(a character of `[0-9A-Za-z]` then any of `[0-9A-Za-z.+-]`). The answer is what a backtracking regex
engine would capture for `re.escape(pattern)` with `*` → `.*` and `{version}` → `(…)`, i.e. the greedy,
leftmost-priority match, but found without backtracking:

- The text before `{version}` (the head, `L0 * L1 … * Lk`) matches `name[:p]` exactly when `name` starts
  with `L0`, `L1 … Lk-1` fit in order (placed leftmost, with `str.find`), and `Lk` ends at `p` no earlier
  than that; the text after it (the tail, `M0 * … * Mm`) matches `name[e:]` exactly when `name` ends with
  `Mm`, `M1 … Mm-1` fit (placed rightmost, with `str.rfind`) and `M0` starts at `e` no later than that.
- Greedy stars before the version make the engine settle on the largest such `p` for which a version and
  the tail can follow; the greedy version then takes the largest `e`. `_find` walks candidates for `p`
  and `e` downwards, each step skipping every candidate the previous one ruled out, so every character
  is looked at a bounded number of times: O(len(pattern) · len(name)).

Names longer than `MAX_NAME_LENGTH` (or with control characters, which git refuses in ref names) are not
matched at all; patterns are bounded when a source is saved (`check_pattern`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

PLACEHOLDER = "{version}"
MAX_PATTERNS = 20
MAX_PATTERN_LENGTH = 100
MAX_WILDCARDS = 4
# Git keeps a ref as a file (`refs/heads/<name>`), and file systems cap a name at 255 bytes; GitHub and
# GitLab refuse longer branch and tag names. Longer input is never matched (and never scanned).
MAX_NAME_LENGTH = 255

_FIRST = "0-9A-Za-z"
_REST = "0-9A-Za-z.+-"
_RUN = re.compile(f"[{_REST}]*")
_FIRST_CHAR = re.compile(f"[{_FIRST}]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def check_pattern(pattern: str) -> str:
    """The save-time rules (a pydantic validator; messages never repeat the value)."""
    if pattern.count(PLACEHOLDER) != 1:
        raise ValueError(f"must contain {PLACEHOLDER} exactly once")
    if pattern.count("*") > MAX_WILDCARDS:
        raise ValueError(f"at most {MAX_WILDCARDS} `*` wildcards")
    if _CONTROL.search(pattern):
        raise ValueError("must not contain control characters")
    return pattern


@dataclass(frozen=True)
class _Compiled:
    head: tuple[str, ...]  # the literals around the stars before {version}
    tail: tuple[str, ...]  # … and after it
    before_first: re.Pattern[str]  # on the reversed name: a version's first character preceded by head[-1]


@lru_cache(maxsize=512)
def _compile(pattern: str) -> _Compiled | None:
    if pattern.count(PLACEHOLDER) != 1:
        return None  # not saved by this version of the API; never matches
    head, tail = pattern.split(PLACEHOLDER)
    heads, tails = tuple(head.split("*")), tuple(tail.split("*"))
    before = re.compile(f"[{_FIRST}](?={re.escape(heads[-1][::-1])})" if heads[-1] else f"[{_FIRST}]")
    return _Compiled(heads, tails, before)


def match_version(pattern: str, name: str) -> str | None:
    """The version `pattern` captures from the whole of `name`, or None. No length bound here."""
    compiled = _compile(pattern)
    if compiled is None:
        return None
    found = _find(compiled, name)
    return name[found[0] : found[1]] if found else None


def version_from_name(patterns: list[str], name: str | None) -> str | None:
    """The first pattern that matches names the version; over-long or control-character names match none."""
    if not name or len(name) > MAX_NAME_LENGTH or _CONTROL.search(name):
        return None
    for pattern in patterns:
        version = match_version(pattern, name)
        if version is not None:
            return version
    return None


def _find(c: _Compiled, s: str) -> tuple[int, int] | None:
    """(p, e) with the version at s[p:e], or None."""
    n = len(s)
    head, tail = c.head, c.tail
    if not s.startswith(head[0]) or not s.endswith(tail[-1]):
        return None
    # The head: a fixed end (no star) or the earliest end allowed, Lk then only needing to end at p.
    if len(head) == 1:
        fixed_p: int | None = len(head[0])
        p_lo = len(head[0])
    else:
        fixed_p = None
        pos = len(head[0])
        for literal in head[1:-1]:
            found = s.find(literal, pos)
            if found < 0:
                return None
            pos = found + len(literal)
        p_lo = pos + len(head[-1])
    # The tail: a fixed start (no star) or the latest start allowed, M0 then only needing to start at e.
    if len(tail) == 1:
        fixed_e: int | None = n - len(tail[0])
        e_hi = n - len(tail[0])
    else:
        fixed_e = None
        pos = n - len(tail[-1])
        for literal in reversed(tail[1:-1]):
            pos = s.rfind(literal, 0, pos)
            if pos < 0:
                return None
        e_hi = pos - len(tail[0])
    first, width, skip = tail[0], len(tail[0]), len(head[-1])
    run, rfind = _RUN.match, s.rfind
    if fixed_p is None:
        reverse, before_first = s[::-1], c.before_first.search
    hi = e_hi - 1  # the version is not empty: p < e ≤ e_hi
    while hi >= p_lo:
        # The latest start p ≤ hi: a version's first character, with the head's last literal just before.
        if fixed_p is None:
            at = before_first(reverse, n - 1 - hi, n - p_lo + skip)
            if at is None:
                return None
            p = n - 1 - at.start()
        elif fixed_p > hi or not _FIRST_CHAR.match(s, fixed_p):
            return None
        else:
            p = fixed_p
        # The latest end e for that start: within the run of version characters from p, and where the
        # tail may begin.
        bound = run(s, p + 1, e_hi).end()
        if fixed_e is not None:
            e = fixed_e if fixed_e <= bound else -1
        elif width:
            e = rfind(first, 0, bound + width)
        else:
            e = bound
        if e < 0:
            return None  # no start before p reaches further (its run ends at or before this one's)
        if e > p:
            return p, e
        hi = e - 1  # every start in [e, p] sees the same latest end e: none of them works
    return None
