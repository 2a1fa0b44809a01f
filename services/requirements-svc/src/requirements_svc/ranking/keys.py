"""Fractional rank keys: a move writes one row, whatever the size of the backlog.

A key is a fixed-width head of `HEAD_WIDTH` base-36 digits followed by an optional fraction. Appending
to the end or the top steps the head by one (keys stay short however many items are added); placing
between two keys takes the midpoint string, which is always strictly between them. Only `0-9a-z` is
used, so byte order, PostgreSQL collations and SQLite agree on the order.
"""

from __future__ import annotations

ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"
BASE = len(ALPHABET)
HEAD_WIDTH = 6
FIRST = "i" + "0" * (HEAD_WIDTH - 1)  # the middle of the head space: room both ways
_MAX_HEAD = BASE**HEAD_WIDTH - 1
# Keys longer than this are rewritten by the rebalancer, off the request path.
REBALANCE_LENGTH = 48


def _digit(ch: str) -> int:
    return ALPHABET.index(ch)


def _encode_head(n: int) -> str:
    chars = []
    for _ in range(HEAD_WIDTH):
        n, r = divmod(n, BASE)
        chars.append(ALPHABET[r])
    return "".join(reversed(chars))


def _decode_head(key: str) -> int:
    n = 0
    for ch in key[:HEAD_WIDTH]:
        n = n * BASE + _digit(ch)
    return n


def midpoint(a: str, b: str | None) -> str:
    """A key strictly between `a` and `b` (`a` may be "", `b` None means +infinity); needs a < b."""
    if b is not None:
        n = 0
        while n < len(b) and (a[n] if n < len(a) else "0") == b[n]:
            n += 1
        if n > 0:
            return b[:n] + midpoint(a[n:], b[n:])
    da = _digit(a[0]) if a else 0
    db = _digit(b[0]) if b is not None else BASE
    if db - da > 1:
        return ALPHABET[(da + db) // 2]
    if b is not None and len(b) > 1:
        return b[:1]
    return ALPHABET[da] + midpoint(a[1:], None)


def after(last: str | None) -> str:
    """A key after `last` (None: the first key of an empty list)."""
    if last is None:
        return FIRST
    head = _decode_head(last)
    if head < _MAX_HEAD:
        return _encode_head(head + 1)
    return last[:HEAD_WIDTH] + midpoint(last[HEAD_WIDTH:], None)


def before(first: str | None) -> str:
    """A key before `first`."""
    if first is None:
        return FIRST
    head = _decode_head(first)
    if head > 0:
        return _encode_head(head - 1)
    if len(first) == HEAD_WIDTH:
        raise ValueError("no key sorts before the lowest head")
    return first[:HEAD_WIDTH] + midpoint("", first[HEAD_WIDTH:])


def between(a: str | None, b: str | None) -> str:
    """A key strictly between two neighbours; either may be None (an end of the list)."""
    if a is None and b is None:
        return FIRST
    if a is None:
        assert b is not None
        return before(b)
    if b is None:
        return after(a)
    if not a < b:
        raise ValueError(f"rank {a!r} is not before {b!r}")
    ha, hb = _decode_head(a), _decode_head(b)
    if ha == hb:
        # Fractions never end in "0", so the midpoint of two of them exists and never ends in "0".
        return a[:HEAD_WIDTH] + midpoint(a[HEAD_WIDTH:], b[HEAD_WIDTH:])
    if hb - ha > 1:
        return _encode_head((ha + hb) // 2)
    return a[:HEAD_WIDTH] + midpoint(a[HEAD_WIDTH:], None)


def sequence(last: str | None, count: int) -> list[str]:
    """`count` keys after `last`, in order (batch creates)."""
    keys = []
    for _ in range(count):
        last = after(last)
        keys.append(last)
    return keys


def evenly_spaced(count: int) -> list[str]:
    """Fresh, short keys for `count` items in order (the rebalancer)."""
    start = _decode_head(FIRST) - count // 2
    return [_encode_head(max(1, start) + i) for i in range(count)]
