"""The event catalogue: every example validates against its schema; docs/events.md is generated from it."""

from pathlib import Path

import pytest
from tpmhub_shared.events import CloudEvent
from tpmhub_shared.events.types import CATALOGUE, example_envelope, render_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "events.md"


@pytest.mark.parametrize("entry", CATALOGUE, ids=lambda e: e.type)
def test_example_matches_its_schema(entry):
    envelope = CloudEvent.model_validate(example_envelope(entry))
    assert envelope.type == entry.type
    entry.model.model_validate(envelope.data)


def test_catalogue_has_the_events_between_services():
    types = {e.type for e in CATALOGUE}
    assert {
        "change_request.approved",
        "release.released",
        "ci.item_referenced",
        "subscription.disabled",
        "ci.pipeline_failed",
        "ci.deployment_failed",
        "verification.recorded",
    } <= types
    assert len(types) == len(CATALOGUE)


def test_docs_are_generated_from_the_catalogue():
    assert DOCS.read_text() == render_markdown(), "run: python -m tpmhub_shared.event_types > docs/events.md"
