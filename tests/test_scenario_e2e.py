"""A release from PRD to full rollout, through the SDK and the CLI, against the three services as real
processes on PostgreSQL (the same walkthrough `make demo` seeds and docs/walkthrough.md narrates)."""

import pytest
from scenario import Walkthrough

pytestmark = pytest.mark.e2e


def test_release_from_prd_to_full_rollout(stack):
    steps: list[str] = []
    result = Walkthrough(
        urls={name: stack.url(name) for name in ("requirements", "risk", "release")},
        token_for=lambda role, project="*", *, sub="alice": stack.make_token(role, project, sub=sub),
        project="WAL",
        log=steps.append,
    ).run()
    assert steps[-1].startswith("done")
    assert result["gate_failures_first"], "the gate should first have said no"
    assert result["dora"]["deployments"] >= 1
    assert [o["failed_checks"] for o in result["gate_overrides"]] == [["freeze"]]
