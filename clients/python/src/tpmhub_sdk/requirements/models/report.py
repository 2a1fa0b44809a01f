from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.health_public import HealthPublic
    from ..models.period_public import PeriodPublic
    from ..models.progress_section import ProgressSection
    from ..models.project_ref import ProjectRef
    from ..models.releases_section import ReleasesSection
    from ..models.requirements_section import RequirementsSection
    from ..models.risks_section import RisksSection


T = TypeVar("T", bound="Report")


@_attrs_define
class Report:
    """A daily (日报) or weekly (周报) status report across the three services.

    Attributes:
        project (ProjectRef):
        period (PeriodPublic):
        generated_at (datetime.datetime):
        health (HealthPublic): A project's health: `status` is the override if one is set, else the computed status.
        progress (ProgressSection): What moved in the backlog during the period.
        requirements (RequirementsSection):
        risks (RisksSection): From risk-svc; `available` false (with the reason) when it did not answer in time.
        releases (ReleasesSection): From release-svc; `available` false (with the reason) when it did not answer in
            time.
    """

    project: ProjectRef
    period: PeriodPublic
    generated_at: datetime.datetime
    health: HealthPublic
    progress: ProgressSection
    requirements: RequirementsSection
    risks: RisksSection
    releases: ReleasesSection
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project = self.project.to_dict()

        period = self.period.to_dict()

        generated_at = self.generated_at.isoformat()

        health = self.health.to_dict()

        progress = self.progress.to_dict()

        requirements = self.requirements.to_dict()

        risks = self.risks.to_dict()

        releases = self.releases.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project": project,
                "period": period,
                "generated_at": generated_at,
                "health": health,
                "progress": progress,
                "requirements": requirements,
                "risks": risks,
                "releases": releases,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.health_public import HealthPublic  # noqa: PLC0415
        from ..models.period_public import PeriodPublic  # noqa: PLC0415
        from ..models.progress_section import ProgressSection  # noqa: PLC0415
        from ..models.project_ref import ProjectRef  # noqa: PLC0415
        from ..models.releases_section import ReleasesSection  # noqa: PLC0415
        from ..models.requirements_section import RequirementsSection  # noqa: PLC0415
        from ..models.risks_section import RisksSection  # noqa: PLC0415

        d = dict(src_dict)
        project = ProjectRef.from_dict(d.pop("project"))

        period = PeriodPublic.from_dict(d.pop("period"))

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        health = HealthPublic.from_dict(d.pop("health"))

        progress = ProgressSection.from_dict(d.pop("progress"))

        requirements = RequirementsSection.from_dict(d.pop("requirements"))

        risks = RisksSection.from_dict(d.pop("risks"))

        releases = ReleasesSection.from_dict(d.pop("releases"))

        report = cls(
            project=project,
            period=period,
            generated_at=generated_at,
            health=health,
            progress=progress,
            requirements=requirements,
            risks=risks,
            releases=releases,
        )

        report.additional_properties = d
        return report

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
