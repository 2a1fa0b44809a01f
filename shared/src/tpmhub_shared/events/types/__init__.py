"""The catalogue of event types: for each, who emits it, what it means, the JSON schema of its `data`
and an example; one module per service domain. docs/events.md is generated from it and a test keeps the
two in step."""

from tpmhub_shared.events.types.base import EventType
from tpmhub_shared.events.types.catalogue import BY_TYPE, CATALOGUE, example_envelope, schema
from tpmhub_shared.events.types.docs import render_markdown

__all__ = ["BY_TYPE", "CATALOGUE", "EventType", "example_envelope", "render_markdown", "schema"]
