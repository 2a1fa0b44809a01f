"""Every table this package owns, imported in one place so that each service's migrations see them.
Each is marked `info={"shared": True}` so that autogenerate keeps the two branches apart."""

from tpmhub_shared.events.deliveries import DeliveryAttempt, EventDelivery
from tpmhub_shared.events.envelope import OutboxEvent
from tpmhub_shared.events.inbox import InboxEvent
from tpmhub_shared.events.subscriptions.models import Subscription
from tpmhub_shared.history import HistoryEntry
from tpmhub_shared.idempotency import IdempotencyRecord
from tpmhub_shared.project_directory import KnownProject

SHARED_TABLES = (
    HistoryEntry,
    IdempotencyRecord,
    OutboxEvent,
    EventDelivery,
    DeliveryAttempt,
    InboxEvent,
    Subscription,
    KnownProject,
)
for _model in SHARED_TABLES:
    _model.__table__.info["shared"] = True
