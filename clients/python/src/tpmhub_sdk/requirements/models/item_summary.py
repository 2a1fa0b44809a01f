from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.acceptance_summary import AcceptanceSummary


T = TypeVar("T", bound="ItemSummary")


@_attrs_define
class ItemSummary:
    """
    Attributes:
        key (str):
        project_key (str):
        type_ (str):
        title (str):
        status (str):
        points (float | None | Unset):
        severity (None | str | Unset):
        found_in (None | str | Unset):
        fixed_in (None | str | Unset):
        acceptance (AcceptanceSummary | Unset):
        path (list[str] | None | Unset): In `open_bugs`: the keys from the looked-up item down to the bug (the bug alone
            when it was looked up itself); null for a bug that is only `found_in` the version.
    """

    key: str
    project_key: str
    type_: str
    title: str
    status: str
    points: float | None | Unset = UNSET
    severity: None | str | Unset = UNSET
    found_in: None | str | Unset = UNSET
    fixed_in: None | str | Unset = UNSET
    acceptance: AcceptanceSummary | Unset = UNSET
    path: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        project_key = self.project_key

        type_ = self.type_

        title = self.title

        status = self.status

        points: float | None | Unset
        if isinstance(self.points, Unset):
            points = UNSET
        else:
            points = self.points

        severity: None | str | Unset
        if isinstance(self.severity, Unset):
            severity = UNSET
        else:
            severity = self.severity

        found_in: None | str | Unset
        if isinstance(self.found_in, Unset):
            found_in = UNSET
        else:
            found_in = self.found_in

        fixed_in: None | str | Unset
        if isinstance(self.fixed_in, Unset):
            fixed_in = UNSET
        else:
            fixed_in = self.fixed_in

        acceptance: dict[str, Any] | Unset = UNSET
        if not isinstance(self.acceptance, Unset):
            acceptance = self.acceptance.to_dict()

        path: list[str] | None | Unset
        if isinstance(self.path, Unset):
            path = UNSET
        elif isinstance(self.path, list):
            path = self.path

        else:
            path = self.path

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "project_key": project_key,
                "type": type_,
                "title": title,
                "status": status,
            }
        )
        if points is not UNSET:
            field_dict["points"] = points
        if severity is not UNSET:
            field_dict["severity"] = severity
        if found_in is not UNSET:
            field_dict["found_in"] = found_in
        if fixed_in is not UNSET:
            field_dict["fixed_in"] = fixed_in
        if acceptance is not UNSET:
            field_dict["acceptance"] = acceptance
        if path is not UNSET:
            field_dict["path"] = path

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.acceptance_summary import AcceptanceSummary  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        project_key = d.pop("project_key")

        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        def _parse_points(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        points = _parse_points(d.pop("points", UNSET))

        def _parse_severity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        severity = _parse_severity(d.pop("severity", UNSET))

        def _parse_found_in(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        found_in = _parse_found_in(d.pop("found_in", UNSET))

        def _parse_fixed_in(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fixed_in = _parse_fixed_in(d.pop("fixed_in", UNSET))

        _acceptance = d.pop("acceptance", UNSET)
        acceptance: AcceptanceSummary | Unset
        if isinstance(_acceptance, Unset):
            acceptance = UNSET
        else:
            acceptance = AcceptanceSummary.from_dict(_acceptance)

        def _parse_path(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                path_type_0 = cast(list[str], data)

                return path_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        path = _parse_path(d.pop("path", UNSET))

        item_summary = cls(
            key=key,
            project_key=project_key,
            type_=type_,
            title=title,
            status=status,
            points=points,
            severity=severity,
            found_in=found_in,
            fixed_in=fixed_in,
            acceptance=acceptance,
            path=path,
        )

        item_summary.additional_properties = d
        return item_summary

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
