"""Version patterns: a linear-time matcher (no backtracking) that captures what the regex translation
captured, patterns bounded when a source is saved, and ref names bounded when matched."""

import json
import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from release_svc.ci_sources.patterns import MAX_NAME_LENGTH, match_version
from release_svc.webhooks.matching import version_from_ref
from sqlalchemy import update
from sqlalchemy.ext.asyncio import create_async_engine
from test_webhooks import deliveries, fixture, github_headers, make_release, make_source

ATTACK = "*-*-*-*-*-*-*-{version}!"


def reference(pattern: str, name: str) -> str | None:
    """How patterns were matched before: a backtracking regex (exponential on some inputs)."""
    regex = re.escape(pattern).replace(re.escape("{version}"), r"(?P<version>[0-9A-Za-z][0-9A-Za-z.+-]*)")
    regex = regex.replace(re.escape("*"), ".*")
    found = re.fullmatch(regex, name)
    return found.group("version") if found else None


# ---- agreement with the reference -----------------------------------------------------------------------

# Few characters, so that literals, stars and the version's character classes collide often: letters and
# digits (a version may start with them), `.+-` (it may continue with them), `/` and `!` (it may not).
ALPHABET = "a1x.-+/!"
_literal = st.text(alphabet=ALPHABET, min_size=1, max_size=3)


@st.composite
def patterns(draw) -> str:
    parts = draw(st.lists(st.one_of(_literal, st.just("*")), max_size=6))
    parts.insert(draw(st.integers(0, len(parts))), "{version}")
    return "".join(parts)


@st.composite
def pattern_and_name(draw) -> tuple[str, str]:
    """A pattern and a name built from its own pieces (so that it often nearly matches)."""
    pattern = draw(patterns())
    pieces = []
    for token in re.split(r"(\*|\{version\})", pattern):
        if token == "*":
            pieces.append(draw(st.text(alphabet=ALPHABET, max_size=6)))
        elif token == "{version}":
            pieces.append(draw(st.from_regex(r"[a1x][a1x.+-]{0,4}", fullmatch=True)))
        else:
            pieces.append(token)
        if draw(st.integers(0, 9)) == 0:  # now and then a stray character
            pieces.append(draw(st.sampled_from(ALPHABET)))
    return pattern, "".join(pieces)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pattern_and_name())
def test_matcher_agrees_with_the_regex_translation_on_near_matches(case):
    pattern, name = case
    assert match_version(pattern, name) == reference(pattern, name)


@settings(max_examples=3000, deadline=None)
@given(patterns(), st.text(alphabet=ALPHABET, max_size=16))
def test_matcher_agrees_with_the_regex_translation_on_any_name(pattern, name):
    assert match_version(pattern, name) == reference(pattern, name)


@pytest.mark.parametrize(
    "pattern, name, version",
    [
        ("release/{version}", "release/1.4.0", "1.4.0"),
        ("v{version}", "v2.0.0-rc.1+build.5", "2.0.0-rc.1+build.5"),
        ("{version}", "1.4.0", "1.4.0"),
        ("release/{version}", "release/.4.0", None),  # a version starts with a letter or digit
        ("release/{version}", "release/1.4/x", None),
        ("*/{version}", "team/release/1.4.0", "1.4.0"),
        ("*{version}", "release-1.4.0", "0"),  # a greedy `*` leaves the version as little as it can
        ("*-{version}", "svc-a-1.4.0", "1.4.0"),  # the last `-` before a version-only tail
        ("{version}-*", "1.4.0-rc-2", "1.4.0-rc"),  # a greedy version, the tail as short as allowed
        ("*{version}*", "abc", "c"),
        ("rel*/{version}/*", "release/1.2/3/x", "3"),
        ("a*a{version}", "aaa1", "1"),
        ("{version}", "", None),
        ("release/{version}", "release/", None),
        ("release/{version}", "refs/heads/release/1.4.0", None),  # strip_ref's job, not the matcher's
    ],
)
def test_examples(pattern, name, version):
    assert match_version(pattern, name) == reference(pattern, name) == version


def test_refs_are_stripped_and_the_first_matching_pattern_wins():
    patterns_ = ["v{version}", "release/{version}", "*{version}"]
    assert version_from_ref(patterns_, "refs/tags/v1.4.0") == "1.4.0"
    assert version_from_ref(patterns_, "refs/heads/release/2.0.0") == "2.0.0"
    assert version_from_ref(patterns_, "origin/hotfix-3") == "3"
    assert version_from_ref(patterns_, None) is None
    assert version_from_ref(["no-placeholder"], "no-placeholder") is None  # stored before validation


def test_names_longer_than_a_ref_or_with_control_characters_match_nothing():
    name = "release/" + "1" * (MAX_NAME_LENGTH - len("release/"))
    assert version_from_ref(["release/{version}"], name) == "1" * (MAX_NAME_LENGTH - 8)
    assert version_from_ref(["release/{version}"], name + "1") is None
    assert version_from_ref(["release/{version}"], "refs/heads/" + name) is not None  # the name is bounded
    assert version_from_ref(["*{version}"], "release/1.4.0\n") is None
    assert version_from_ref(["*{version}"], "release/\x001.4.0") is None


# ---- time budget ---------------------------------------------------------------------------------------


def _timed(fn, *args) -> tuple[object, float]:
    started = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - started


@pytest.mark.parametrize("length", [60, 10_000, 100_000])
def test_the_catastrophic_pattern_is_matched_within_budget(length):
    # The backtracking translation took ~13 s on 61 characters and grows as length^8.
    name = "-" * length + "a"
    assert _timed(version_from_ref, [ATTACK], name)[1] < 0.05
    assert _timed(version_from_ref, [ATTACK], "refs/heads/" + name)[1] < 0.05
    # The matcher itself, unbounded, on the whole input, missing and then matching.
    result, elapsed = _timed(match_version, ATTACK, name)
    assert result is None and elapsed < 0.05
    result, elapsed = _timed(match_version, ATTACK, name + "!")
    assert result == "a" and elapsed < 0.05
    result, elapsed = _timed(match_version, ATTACK.replace("!", "*!"), name)
    assert result is None and elapsed < 0.05


@pytest.mark.parametrize(
    "pattern, name",
    [
        ("*" * 40 + "{version}" + "*" * 40 + "!", "-." * 50_000),
        ("*a*a*a*a*a*a*a*a*{version}*b*b*b*b*b*b*b*b!", "ab" * 50_000),
        ("*-*-*-*-*-*-*-*-*-*-{version}-*-*-*-*-*-*-*-*-*-*/", "-1" * 50_000),
        ("*{version}*", "-" * 100_000),
        ("*x{version}*", "x-/" * 33_000),
    ],
)
def test_many_stars_on_100k_characters_within_budget(pattern, name):
    assert _timed(match_version, pattern, name)[1] < 0.05
    assert _timed(version_from_ref, [pattern] * 20, name[:MAX_NAME_LENGTH])[1] < 0.05


def test_the_slowest_shape_known_stays_linear():
    # Many short runs, each holding a version start the tail cannot follow: a couple of steps per run,
    # ~1-3 µs a character; a quadratic matcher needs minutes on this input, the old one never finished.
    pattern, name = "*{version}x*", "xa/" * 33_000
    assert match_version(pattern, name) is None
    assert min(_timed(match_version, pattern, name)[1] for _ in range(3)) < 1
    # At the length a ref can have, every shape is far under a millisecond.
    assert _timed(version_from_ref, [pattern] * 20, name[:MAX_NAME_LENGTH])[1] < 0.05


# ---- bounded when saved --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "patterns_, loc",
    [
        ([ATTACK], "body.version_patterns.0"),  # 7 wildcards
        (["v{version}", "*/*/*/*/*/{version}"], "body.version_patterns.1"),
        (["r/" + "x" * 100 + "/{version}"], "body.version_patterns.0"),
        (["release/*"], "body.version_patterns.0"),
        (["{version}-{version}"], "body.version_patterns.0"),
        (["", "v{version}"], "body.version_patterns.0"),
        (["v{version}\n"], "body.version_patterns.0"),
        ([f"v{n}/{{version}}" for n in range(21)], "body.version_patterns"),
    ],
)
async def test_unbounded_patterns_are_refused_when_saved(client, auth, patterns_, loc):
    body = {"provider": "github", "repository": "acme/payments", "version_patterns": patterns_}
    r = await client.post("/v1/projects/PAY/ci-sources", json=body, headers=auth("tpm", "PAY"))
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert [e["loc"] for e in r.json()["errors"]] == [loc]
    listed = await client.get("/v1/projects/PAY/ci-sources", headers=auth("tpm", "PAY"))
    assert listed.json()["items"] == []
    # The same rules on change; the source keeps its patterns.
    source = await make_source(client, auth, "github", "acme/payments", version_patterns=["v{version}"])
    r = await client.patch(
        f"/v1/ci-sources/{source['id']}", json={"version_patterns": patterns_}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 422 and [e["loc"] for e in r.json()["errors"]] == [loc]
    got = await client.get(f"/v1/ci-sources/{source['id']}", headers=auth("tpm", "PAY"))
    assert got.json()["version_patterns"] == ["v{version}"]


async def test_patterns_at_the_bounds_are_accepted(client, auth):
    patterns_ = ["*/*/*/*{version}"] + [f"{'x' * 80}/{n}/{{version}}" for n in range(19)]
    assert max(len(p) for p in patterns_) <= 100
    source = await make_source(client, auth, "github", "acme/payments", version_patterns=patterns_)
    assert source["version_patterns"] == patterns_


async def test_a_stored_catastrophic_pattern_and_its_ref_do_not_stall_the_service(client, auth):
    # A source saved before the bounds existed still carries the pattern; the delivery is answered at once.
    source = await make_source(client, auth, "github", "octo-org/octo-repo")
    engine = create_async_engine(client._transport.app.state.settings.database_url)
    try:
        async with engine.begin() as conn:
            from release_svc.ci_sources.models import CiSource

            await conn.execute(update(CiSource).values(version_patterns=[ATTACK]))
    finally:
        await engine.dispose()
    await make_release(client, auth, "1.0.0")
    await make_release(client, auth, "2.0.0")  # two open releases: the ref is what would decide
    payload = json.loads(fixture("github/workflow_run.completed.json"))
    payload["workflow_run"]["head_branch"] = "-" * 60 + "a"
    raw = json.dumps(payload).encode()
    started = time.perf_counter()
    r = await client.post("/v1/webhooks/github", content=raw, headers=github_headers(raw, "workflow_run"))
    assert r.status_code == 200 and r.json()["runs"] == 1, r.text
    assert time.perf_counter() - started < 2
    assert (await client.get("/healthz")).status_code == 200
    [delivery] = await deliveries(client, auth)
    assert delivery["status"] == "processed" and delivery["source_id"] == source["id"]
