"""Domain events: the envelope and `emit` (what every domain uses), the event catalogue (`types`), the
inbox, the outbox relay, outbound subscriptions and their HTTP API; modules import in that order."""

from tpmhub_shared.events.envelope import CloudEvent, OutboxEvent, emit

__all__ = ["CloudEvent", "OutboxEvent", "emit"]
