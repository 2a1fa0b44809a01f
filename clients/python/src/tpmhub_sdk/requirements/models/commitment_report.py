from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.iteration_public import IterationPublic


T = TypeVar("T", bound="CommitmentReport")


@_attrs_define
class CommitmentReport:
    """What the iteration holds after a commit, and whether it exceeds capacity.

    Attributes:
        iteration (IterationPublic): An iteration with its committed and done points (summed in SQL).
        committed (list[str]): Keys newly committed by this call.
        over_committed (bool):
        over_committed_by (float):
    """

    iteration: IterationPublic
    committed: list[str]
    over_committed: bool
    over_committed_by: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        iteration = self.iteration.to_dict()

        committed = self.committed

        over_committed = self.over_committed

        over_committed_by = self.over_committed_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "iteration": iteration,
                "committed": committed,
                "over_committed": over_committed,
                "over_committed_by": over_committed_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.iteration_public import IterationPublic  # noqa: PLC0415

        d = dict(src_dict)
        iteration = IterationPublic.from_dict(d.pop("iteration"))

        committed = cast(list[str], d.pop("committed"))

        over_committed = d.pop("over_committed")

        over_committed_by = d.pop("over_committed_by")

        commitment_report = cls(
            iteration=iteration,
            committed=committed,
            over_committed=over_committed,
            over_committed_by=over_committed_by,
        )

        commitment_report.additional_properties = d
        return commitment_report

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
