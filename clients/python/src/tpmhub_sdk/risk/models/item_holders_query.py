from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ItemHoldersQuery")


@_attrs_define
class ItemHoldersQuery:
    """Which risks (risk-svc `POST /v1/risks/link-query`) are linked to any of these items of one project
    (the releases holding them come from release-svc's `POST /v1/releases/scope-query`).

        Attributes:
            project_key (str):
            item_keys (list[str]):
    """

    project_key: str
    item_keys: list[str]

    def to_dict(self) -> dict[str, Any]:
        project_key = self.project_key

        item_keys = self.item_keys

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "project_key": project_key,
                "item_keys": item_keys,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        project_key = d.pop("project_key")

        item_keys = cast(list[str], d.pop("item_keys"))

        item_holders_query = cls(
            project_key=project_key,
            item_keys=item_keys,
        )

        return item_holders_query
