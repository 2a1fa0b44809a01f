"""The cache of verified tokens: served only for the very token that was verified, with the settings that
verified it, never past the token's `exp`; a failure is never cached; the cache stays bounded."""

from __future__ import annotations

import time

import jwt
import pytest
from pydantic import SecretStr
from tpmhub_shared.auth import VerifiedTokens, decode_token, issue_token
from tpmhub_shared.problems import Unauthorized
from tpmhub_shared.settings import CommonSettings

SECRET = "a-test-secret-of-at-least-32-bytes-long"


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def settings() -> CommonSettings:
    return CommonSettings(jwt_secret=SecretStr(SECRET))


def test_a_verified_token_is_served_from_the_cache_until_its_exp(settings) -> None:
    clock = Clock()
    cache = VerifiedTokens(now=clock)
    token = issue_token(settings, sub="alice", roles={"PAY": "tpm"}, ttl_seconds=60)
    first = decode_token(settings, token, cache=cache)
    assert len(cache) == 1
    assert decode_token(settings, token, cache=cache) is first
    exp = jwt.decode(token, options={"verify_signature": False})["exp"]
    clock.now = exp  # at exp the entry is gone: the token is verified afresh (and PyJWT judges it)
    assert decode_token(settings, token, cache=cache) is not first
    clock.now = exp + 1_000
    assert cache.get((token, SECRET, settings.jwt_algorithm, settings.jwt_issuer)) is None


def test_an_altered_or_forged_token_is_not_served_from_the_cache(settings) -> None:
    cache = VerifiedTokens()
    token = issue_token(settings, sub="alice", roles={"PAY": "viewer"})
    decode_token(settings, token, cache=cache)
    header, payload, signature = token.split(".")
    forged = issue_token(
        CommonSettings(jwt_secret=SecretStr("another-secret-of-at-least-32-bytes!!")),
        sub="alice",
        roles={"*": "admin"},
    )
    for bad in (f"{header}.{forged.split('.')[1]}.{signature}", forged, token + "x"):
        with pytest.raises(Unauthorized):
            decode_token(settings, bad, cache=cache)
    assert len(cache) == 1  # failures are not cached


def test_a_rotated_secret_does_not_accept_tokens_verified_with_the_old_one(settings) -> None:
    cache = VerifiedTokens()
    token = issue_token(settings, sub="alice", roles={"PAY": "tpm"})
    decode_token(settings, token, cache=cache)
    rotated = CommonSettings(jwt_secret=SecretStr("the-rotated-secret-of-at-least-32-bytes"))
    with pytest.raises(Unauthorized):
        decode_token(rotated, token, cache=cache)


def test_an_expired_token_is_refused_and_not_cached(settings) -> None:
    cache = VerifiedTokens()
    token = issue_token(settings, sub="alice", roles={"PAY": "tpm"}, ttl_seconds=-60)
    with pytest.raises(Unauthorized, match="expired"):
        decode_token(settings, token, cache=cache)
    assert len(cache) == 0


def test_the_cache_is_bounded_and_drops_the_least_recently_used(settings) -> None:
    cache = VerifiedTokens(max_entries=3)
    tokens = [issue_token(settings, sub=f"user-{n}", roles={"PAY": "tpm"}) for n in range(4)]
    for token in tokens[:3]:
        decode_token(settings, token, cache=cache)
    decode_token(settings, tokens[0], cache=cache)  # used again: the oldest is now user-1
    decode_token(settings, tokens[3], cache=cache)
    assert len(cache) == 3
    key = (tokens[1], SECRET, settings.jwt_algorithm, settings.jwt_issuer)
    assert cache.get(key) is None
    assert cache.get((tokens[0], SECRET, settings.jwt_algorithm, settings.jwt_issuer)) is not None
