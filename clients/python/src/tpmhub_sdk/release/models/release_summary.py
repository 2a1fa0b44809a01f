from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gate_denial import GateDenial
    from ..models.release_brief import ReleaseBrief
    from ..models.rollback_event import RollbackEvent
    from ..models.rollout_progress import RolloutProgress
    from ..models.states import States
    from ..models.summary_dora import SummaryDora
    from ..models.verification_brief import VerificationBrief


T = TypeVar("T", bound="ReleaseSummary")


@_attrs_define
class ReleaseSummary:
    """A project's releases over a period [from, to] (UTC days, both included).

    Attributes:
        project_key (str):
        from_date (str):
        to_date (str):
        generated_at (datetime.datetime):
        states (States): Releases per state, all of the project's releases.
        releases (list[ReleaseBrief]): Releases not finished, or changed in the period.
        gate_denials (list[GateDenial]):
        rollouts_in_progress (list[RolloutProgress]):
        rollbacks (list[RollbackEvent]):
        verifications (list[VerificationBrief]):
        dora (SummaryDora): DORA over the period, from what release-svc recorded.
        sources_missing (list[str] | Unset): Parts release-svc does not record (yet), left out.
    """

    project_key: str
    from_date: str
    to_date: str
    generated_at: datetime.datetime
    states: States
    releases: list[ReleaseBrief]
    gate_denials: list[GateDenial]
    rollouts_in_progress: list[RolloutProgress]
    rollbacks: list[RollbackEvent]
    verifications: list[VerificationBrief]
    dora: SummaryDora
    sources_missing: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_key = self.project_key

        from_date = self.from_date

        to_date = self.to_date

        generated_at = self.generated_at.isoformat()

        states = self.states.to_dict()

        releases = []
        for releases_item_data in self.releases:
            releases_item = releases_item_data.to_dict()
            releases.append(releases_item)

        gate_denials = []
        for gate_denials_item_data in self.gate_denials:
            gate_denials_item = gate_denials_item_data.to_dict()
            gate_denials.append(gate_denials_item)

        rollouts_in_progress = []
        for rollouts_in_progress_item_data in self.rollouts_in_progress:
            rollouts_in_progress_item = rollouts_in_progress_item_data.to_dict()
            rollouts_in_progress.append(rollouts_in_progress_item)

        rollbacks = []
        for rollbacks_item_data in self.rollbacks:
            rollbacks_item = rollbacks_item_data.to_dict()
            rollbacks.append(rollbacks_item)

        verifications = []
        for verifications_item_data in self.verifications:
            verifications_item = verifications_item_data.to_dict()
            verifications.append(verifications_item)

        dora = self.dora.to_dict()

        sources_missing: list[str] | Unset = UNSET
        if not isinstance(self.sources_missing, Unset):
            sources_missing = self.sources_missing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_key": project_key,
                "from_date": from_date,
                "to_date": to_date,
                "generated_at": generated_at,
                "states": states,
                "releases": releases,
                "gate_denials": gate_denials,
                "rollouts_in_progress": rollouts_in_progress,
                "rollbacks": rollbacks,
                "verifications": verifications,
                "dora": dora,
            }
        )
        if sources_missing is not UNSET:
            field_dict["sources_missing"] = sources_missing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gate_denial import GateDenial  # noqa: PLC0415
        from ..models.release_brief import ReleaseBrief  # noqa: PLC0415
        from ..models.rollback_event import RollbackEvent  # noqa: PLC0415
        from ..models.rollout_progress import RolloutProgress  # noqa: PLC0415
        from ..models.states import States  # noqa: PLC0415
        from ..models.summary_dora import SummaryDora  # noqa: PLC0415
        from ..models.verification_brief import VerificationBrief  # noqa: PLC0415

        d = dict(src_dict)
        project_key = d.pop("project_key")

        from_date = d.pop("from_date")

        to_date = d.pop("to_date")

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        states = States.from_dict(d.pop("states"))

        releases = []
        _releases = d.pop("releases")
        for releases_item_data in _releases:
            releases_item = ReleaseBrief.from_dict(releases_item_data)

            releases.append(releases_item)

        gate_denials = []
        _gate_denials = d.pop("gate_denials")
        for gate_denials_item_data in _gate_denials:
            gate_denials_item = GateDenial.from_dict(gate_denials_item_data)

            gate_denials.append(gate_denials_item)

        rollouts_in_progress = []
        _rollouts_in_progress = d.pop("rollouts_in_progress")
        for rollouts_in_progress_item_data in _rollouts_in_progress:
            rollouts_in_progress_item = RolloutProgress.from_dict(rollouts_in_progress_item_data)

            rollouts_in_progress.append(rollouts_in_progress_item)

        rollbacks = []
        _rollbacks = d.pop("rollbacks")
        for rollbacks_item_data in _rollbacks:
            rollbacks_item = RollbackEvent.from_dict(rollbacks_item_data)

            rollbacks.append(rollbacks_item)

        verifications = []
        _verifications = d.pop("verifications")
        for verifications_item_data in _verifications:
            verifications_item = VerificationBrief.from_dict(verifications_item_data)

            verifications.append(verifications_item)

        dora = SummaryDora.from_dict(d.pop("dora"))

        sources_missing = cast(list[str], d.pop("sources_missing", UNSET))

        release_summary = cls(
            project_key=project_key,
            from_date=from_date,
            to_date=to_date,
            generated_at=generated_at,
            states=states,
            releases=releases,
            gate_denials=gate_denials,
            rollouts_in_progress=rollouts_in_progress,
            rollbacks=rollbacks,
            verifications=verifications,
            dora=dora,
            sources_missing=sources_missing,
        )

        release_summary.additional_properties = d
        return release_summary

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
