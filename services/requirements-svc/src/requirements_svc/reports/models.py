import uuid
from datetime import date, datetime

from sqlalchemy import Column, Date, Index, String, UniqueConstraint, Uuid
from sqlmodel import Field, SQLModel
from tpmhub_shared.db import TableBase, UTCDateTime
from tpmhub_shared.ids import new_id, utcnow


class ReportSchedule(TableBase, table=True):
    """When a project's daily or weekly report is posted to its webhook subscriptions (chat)."""

    __tablename__ = "report_schedules"
    __table_args__ = (UniqueConstraint("project_key", "cadence", name="uq_report_schedules_project_cadence"),)

    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    cadence: str = Field(max_length=10)  # daily | weekly
    time_of_day: str = Field(max_length=5)  # HH:MM, local to `timezone`
    timezone: str = Field(max_length=64)  # IANA name
    weekday: int | None = Field(default=None)  # weekly: 0 = Monday … 6 = Sunday
    enabled: bool = Field(default=True)
    created_by: str = Field(max_length=200)


class ReportDelivery(SQLModel, table=True):
    """One posted report. The unique (project, period) row is claimed in the transaction that queues the
    `report.scheduled` event, so each period is sent once however many replicas run the scheduler."""

    __tablename__ = "report_deliveries"
    __table_args__ = (
        UniqueConstraint("project_key", "period_kind", "period_start", name="uq_report_deliveries_period"),
        Index("ix_report_deliveries_project_created", "project_key", "created_at"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    schedule_id: uuid.UUID = Field(sa_column=Column(Uuid(), nullable=False))
    period_kind: str = Field(max_length=10)
    period_start: date = Field(sa_column=Column(Date, nullable=False))
    event_id: uuid.UUID = Field(sa_column=Column(Uuid(), nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
