from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.iteration_public import IterationPublic


T = TypeVar("T", bound="CloseReport")


@_attrs_define
class CloseReport:
    """The closed iteration and where its unfinished items went.

    Attributes:
        iteration (IterationPublic): An iteration with its committed and done points (summed in SQL).
        moved (list[str]): Unfinished item keys that moved.
        moved_to (None | UUID): Iteration they moved to; null for the backlog.
    """

    iteration: IterationPublic
    moved: list[str]
    moved_to: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        iteration = self.iteration.to_dict()

        moved = self.moved

        moved_to: None | str
        if isinstance(self.moved_to, UUID):
            moved_to = str(self.moved_to)
        else:
            moved_to = self.moved_to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "iteration": iteration,
                "moved": moved,
                "moved_to": moved_to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.iteration_public import IterationPublic  # noqa: PLC0415

        d = dict(src_dict)
        iteration = IterationPublic.from_dict(d.pop("iteration"))

        moved = cast(list[str], d.pop("moved"))

        def _parse_moved_to(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                moved_to_type_0 = UUID(data)

                return moved_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        moved_to = _parse_moved_to(d.pop("moved_to"))

        close_report = cls(
            iteration=iteration,
            moved=moved,
            moved_to=moved_to,
        )

        close_report.additional_properties = d
        return close_report

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
