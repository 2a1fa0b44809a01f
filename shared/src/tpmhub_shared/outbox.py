"""The old import path of the outbox relay (now tpmhub_shared.events.outbox and .events.deliveries), kept
until every importer uses the new one; nothing in this package imports it."""

from tpmhub_shared.events.deliveries import DeliveryAttempt, EventDelivery, Outcome
from tpmhub_shared.events.outbox import next_due_in, purge, register_target, run_once

__all__ = [
    "DeliveryAttempt",
    "EventDelivery",
    "Outcome",
    "next_due_in",
    "purge",
    "register_target",
    "run_once",
]
