from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.environment_def import EnvironmentDef


T = TypeVar("T", bound="EnvironmentsIn")


@_attrs_define
class EnvironmentsIn:
    """The whole list (replaces the current one). Names and aliases are unique across the list.

    Attributes:
        environments (list[EnvironmentDef]):
    """

    environments: list[EnvironmentDef]

    def to_dict(self) -> dict[str, Any]:
        environments = []
        for environments_item_data in self.environments:
            environments_item = environments_item_data.to_dict()
            environments.append(environments_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "environments": environments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.environment_def import EnvironmentDef  # noqa: PLC0415

        d = dict(src_dict)
        environments = []
        _environments = d.pop("environments")
        for environments_item_data in _environments:
            environments_item = EnvironmentDef.from_dict(environments_item_data)

            environments.append(environments_item)

        environments_in = cls(
            environments=environments,
        )

        return environments_in
