from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RiskGateQuery")


@_attrs_define
class RiskGateQuery:
    """Open risks that block a release: linked to the release or to any of its scope items.

    Attributes:
        project_key (str):
        release_id (None | Unset | UUID):
        item_keys (list[str] | Unset):
    """

    project_key: str
    release_id: None | Unset | UUID = UNSET
    item_keys: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        project_key = self.project_key

        release_id: None | str | Unset
        if isinstance(self.release_id, Unset):
            release_id = UNSET
        elif isinstance(self.release_id, UUID):
            release_id = str(self.release_id)
        else:
            release_id = self.release_id

        item_keys: list[str] | Unset = UNSET
        if not isinstance(self.item_keys, Unset):
            item_keys = self.item_keys

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "project_key": project_key,
            }
        )
        if release_id is not UNSET:
            field_dict["release_id"] = release_id
        if item_keys is not UNSET:
            field_dict["item_keys"] = item_keys

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        project_key = d.pop("project_key")

        def _parse_release_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                release_id_type_0 = UUID(data)

                return release_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        release_id = _parse_release_id(d.pop("release_id", UNSET))

        item_keys = cast(list[str], d.pop("item_keys", UNSET))

        risk_gate_query = cls(
            project_key=project_key,
            release_id=release_id,
            item_keys=item_keys,
        )

        return risk_gate_query
