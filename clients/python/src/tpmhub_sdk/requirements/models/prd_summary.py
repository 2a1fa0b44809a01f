from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PrdSummary")


@_attrs_define
class PrdSummary:
    """
    Attributes:
        id (UUID):
        project_key (str):
        title (str):
        status (str):
        revision (int): Revision of the working copy (equal to `approved_revision` while the PRD is approved).
        approved_revision (int | None | Unset): The latest approved revision, if any.
    """

    id: UUID
    project_key: str
    title: str
    status: str
    revision: int
    approved_revision: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_key = self.project_key

        title = self.title

        status = self.status

        revision = self.revision

        approved_revision: int | None | Unset
        if isinstance(self.approved_revision, Unset):
            approved_revision = UNSET
        else:
            approved_revision = self.approved_revision

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_key": project_key,
                "title": title,
                "status": status,
                "revision": revision,
            }
        )
        if approved_revision is not UNSET:
            field_dict["approved_revision"] = approved_revision

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_key = d.pop("project_key")

        title = d.pop("title")

        status = d.pop("status")

        revision = d.pop("revision")

        def _parse_approved_revision(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        approved_revision = _parse_approved_revision(d.pop("approved_revision", UNSET))

        prd_summary = cls(
            id=id,
            project_key=project_key,
            title=title,
            status=status,
            revision=revision,
            approved_revision=approved_revision,
        )

        prd_summary.additional_properties = d
        return prd_summary

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
