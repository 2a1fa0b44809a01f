from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RiskBrief")


@_attrs_define
class RiskBrief:
    """One risk as a report lists it.

    Attributes:
        key (str):
        title (str):
        level (str):
        score (int):
        status (str):
        owner (None | str | Unset):
        escalated (bool | Unset):  Default: False.
        at (datetime.datetime | None | Unset): When the listed event happened (created, escalated, closed), if the list
            is about one.
        age_days (int | None | Unset): Days since the risk was identified.
    """

    key: str
    title: str
    level: str
    score: int
    status: str
    owner: None | str | Unset = UNSET
    escalated: bool | Unset = False
    at: datetime.datetime | None | Unset = UNSET
    age_days: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        title = self.title

        level = self.level

        score = self.score

        status = self.status

        owner: None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        escalated = self.escalated

        at: None | str | Unset
        if isinstance(self.at, Unset):
            at = UNSET
        elif isinstance(self.at, datetime.datetime):
            at = self.at.isoformat()
        else:
            at = self.at

        age_days: int | None | Unset
        if isinstance(self.age_days, Unset):
            age_days = UNSET
        else:
            age_days = self.age_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "title": title,
                "level": level,
                "score": score,
                "status": status,
            }
        )
        if owner is not UNSET:
            field_dict["owner"] = owner
        if escalated is not UNSET:
            field_dict["escalated"] = escalated
        if at is not UNSET:
            field_dict["at"] = at
        if age_days is not UNSET:
            field_dict["age_days"] = age_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        title = d.pop("title")

        level = d.pop("level")

        score = d.pop("score")

        status = d.pop("status")

        def _parse_owner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        escalated = d.pop("escalated", UNSET)

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

        def _parse_age_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        age_days = _parse_age_days(d.pop("age_days", UNSET))

        risk_brief = cls(
            key=key,
            title=title,
            level=level,
            score=score,
            status=status,
            owner=owner,
            escalated=escalated,
            at=at,
            age_days=age_days,
        )

        risk_brief.additional_properties = d
        return risk_brief

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
