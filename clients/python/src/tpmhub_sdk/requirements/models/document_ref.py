from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_ref_kind_type_0 import DocumentRefKindType0, check_document_ref_kind_type_0
from ..types import UNSET, Unset

T = TypeVar("T", bound="DocumentRef")


@_attrs_define
class DocumentRef:
    """
    Attributes:
        id (str):
        kind (DocumentRefKindType0 | str):
        title (str):
        status (str):
        version (int | None | Unset):
        at (datetime.datetime | None | Unset):
        days_waiting (int | None | Unset):
    """

    id: str
    kind: DocumentRefKindType0 | str
    title: str
    status: str
    version: int | None | Unset = UNSET
    at: datetime.datetime | None | Unset = UNSET
    days_waiting: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind: str
        if isinstance(self.kind, str):
            kind = self.kind
        else:
            kind = self.kind

        title = self.title

        status = self.status

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        at: None | str | Unset
        if isinstance(self.at, Unset):
            at = UNSET
        elif isinstance(self.at, datetime.datetime):
            at = self.at.isoformat()
        else:
            at = self.at

        days_waiting: int | None | Unset
        if isinstance(self.days_waiting, Unset):
            days_waiting = UNSET
        else:
            days_waiting = self.days_waiting

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "title": title,
                "status": status,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if at is not UNSET:
            field_dict["at"] = at
        if days_waiting is not UNSET:
            field_dict["days_waiting"] = days_waiting

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_kind(data: object) -> DocumentRefKindType0 | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = check_document_ref_kind_type_0(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DocumentRefKindType0 | str, data)

        kind = _parse_kind(d.pop("kind"))

        title = d.pop("title")

        status = d.pop("status")

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        def _parse_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                at_type_0 = datetime.datetime.fromisoformat(data)

                return at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        at = _parse_at(d.pop("at", UNSET))

        def _parse_days_waiting(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        days_waiting = _parse_days_waiting(d.pop("days_waiting", UNSET))

        document_ref = cls(
            id=id,
            kind=kind,
            title=title,
            status=status,
            version=version,
            at=at,
            days_waiting=days_waiting,
        )

        document_ref.additional_properties = d
        return document_ref

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
