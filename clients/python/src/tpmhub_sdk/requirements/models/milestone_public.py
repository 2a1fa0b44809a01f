from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.milestone_public_status import MilestonePublicStatus, check_milestone_public_status

if TYPE_CHECKING:
    from ..models.milestone_forecast import MilestoneForecast
    from ..models.milestone_progress import MilestoneProgress


T = TypeVar("T", bound="MilestonePublic")


@_attrs_define
class MilestonePublic:
    """A milestone with its progress.

    Attributes:
        id (UUID):
        project_key (str):
        name (str):
        description (str):
        target_date (datetime.date):
        status (MilestonePublicStatus):
        progress (MilestoneProgress): Progress from the backlog items linked to the milestone: stories, tasks, bugs and
            spikes (epics and
            features are containers whose children carry the points; wont_do items are left out). The same figures
            as project health and the reports.
        forecast (MilestoneForecast | None): Null for a milestone without counted items: there is nothing to forecast.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    project_key: str
    name: str
    description: str
    target_date: datetime.date
    status: MilestonePublicStatus
    progress: MilestoneProgress
    forecast: MilestoneForecast | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.milestone_forecast import MilestoneForecast  # noqa: PLC0415

        id = str(self.id)

        project_key = self.project_key

        name = self.name

        description = self.description

        target_date = self.target_date.isoformat()

        status: str = self.status

        progress = self.progress.to_dict()

        forecast: dict[str, Any] | None
        if isinstance(self.forecast, MilestoneForecast):
            forecast = self.forecast.to_dict()
        else:
            forecast = self.forecast

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_key": project_key,
                "name": name,
                "description": description,
                "target_date": target_date,
                "status": status,
                "progress": progress,
                "forecast": forecast,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.milestone_forecast import MilestoneForecast  # noqa: PLC0415
        from ..models.milestone_progress import MilestoneProgress  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_key = d.pop("project_key")

        name = d.pop("name")

        description = d.pop("description")

        target_date = datetime.date.fromisoformat(d.pop("target_date"))

        status = check_milestone_public_status(d.pop("status"))

        progress = MilestoneProgress.from_dict(d.pop("progress"))

        def _parse_forecast(data: object) -> MilestoneForecast | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                forecast_type_0 = MilestoneForecast.from_dict(data)

                return forecast_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MilestoneForecast | None, data)

        forecast = _parse_forecast(d.pop("forecast"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        milestone_public = cls(
            id=id,
            project_key=project_key,
            name=name,
            description=description,
            target_date=target_date,
            status=status,
            progress=progress,
            forecast=forecast,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        milestone_public.additional_properties = d
        return milestone_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
