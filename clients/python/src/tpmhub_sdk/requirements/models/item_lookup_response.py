from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.criterion_ref import CriterionRef
    from ..models.item_summary import ItemSummary
    from ..models.prd_summary import PrdSummary


T = TypeVar("T", bound="ItemLookupResponse")


@_attrs_define
class ItemLookupResponse:
    """
    Attributes:
        items (list[ItemSummary]):
        missing (list[str] | Unset): Requested keys that do not exist.
        open_bugs (list[ItemSummary] | Unset): Open S1/S2 bugs among the keys or anywhere under them (every descendant,
            with `path`), or found in `found_in`.
        prds (list[PrdSummary] | Unset): Requested PRDs, in the order asked.
        missing_prds (list[UUID] | Unset): Requested PRD ids that do not exist, are not PRDs (a design, say) or that the
            caller may not read.
        criteria (list[CriterionRef] | Unset): Requested acceptance criteria, in the order asked.
        missing_criteria (list[UUID] | Unset): Requested criterion ids that do not exist or that the caller may not
            read.
    """

    items: list[ItemSummary]
    missing: list[str] | Unset = UNSET
    open_bugs: list[ItemSummary] | Unset = UNSET
    prds: list[PrdSummary] | Unset = UNSET
    missing_prds: list[UUID] | Unset = UNSET
    criteria: list[CriterionRef] | Unset = UNSET
    missing_criteria: list[UUID] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        missing: list[str] | Unset = UNSET
        if not isinstance(self.missing, Unset):
            missing = self.missing

        open_bugs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.open_bugs, Unset):
            open_bugs = []
            for open_bugs_item_data in self.open_bugs:
                open_bugs_item = open_bugs_item_data.to_dict()
                open_bugs.append(open_bugs_item)

        prds: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.prds, Unset):
            prds = []
            for prds_item_data in self.prds:
                prds_item = prds_item_data.to_dict()
                prds.append(prds_item)

        missing_prds: list[str] | Unset = UNSET
        if not isinstance(self.missing_prds, Unset):
            missing_prds = []
            for missing_prds_item_data in self.missing_prds:
                missing_prds_item = str(missing_prds_item_data)
                missing_prds.append(missing_prds_item)

        criteria: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.criteria, Unset):
            criteria = []
            for criteria_item_data in self.criteria:
                criteria_item = criteria_item_data.to_dict()
                criteria.append(criteria_item)

        missing_criteria: list[str] | Unset = UNSET
        if not isinstance(self.missing_criteria, Unset):
            missing_criteria = []
            for missing_criteria_item_data in self.missing_criteria:
                missing_criteria_item = str(missing_criteria_item_data)
                missing_criteria.append(missing_criteria_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
            }
        )
        if missing is not UNSET:
            field_dict["missing"] = missing
        if open_bugs is not UNSET:
            field_dict["open_bugs"] = open_bugs
        if prds is not UNSET:
            field_dict["prds"] = prds
        if missing_prds is not UNSET:
            field_dict["missing_prds"] = missing_prds
        if criteria is not UNSET:
            field_dict["criteria"] = criteria
        if missing_criteria is not UNSET:
            field_dict["missing_criteria"] = missing_criteria

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criterion_ref import CriterionRef  # noqa: PLC0415
        from ..models.item_summary import ItemSummary  # noqa: PLC0415
        from ..models.prd_summary import PrdSummary  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ItemSummary.from_dict(items_item_data)

            items.append(items_item)

        missing = cast(list[str], d.pop("missing", UNSET))

        _open_bugs = d.pop("open_bugs", UNSET)
        open_bugs: list[ItemSummary] | Unset = UNSET
        if _open_bugs is not UNSET:
            open_bugs = []
            for open_bugs_item_data in _open_bugs:
                open_bugs_item = ItemSummary.from_dict(open_bugs_item_data)

                open_bugs.append(open_bugs_item)

        _prds = d.pop("prds", UNSET)
        prds: list[PrdSummary] | Unset = UNSET
        if _prds is not UNSET:
            prds = []
            for prds_item_data in _prds:
                prds_item = PrdSummary.from_dict(prds_item_data)

                prds.append(prds_item)

        _missing_prds = d.pop("missing_prds", UNSET)
        missing_prds: list[UUID] | Unset = UNSET
        if _missing_prds is not UNSET:
            missing_prds = []
            for missing_prds_item_data in _missing_prds:
                missing_prds_item = UUID(missing_prds_item_data)

                missing_prds.append(missing_prds_item)

        _criteria = d.pop("criteria", UNSET)
        criteria: list[CriterionRef] | Unset = UNSET
        if _criteria is not UNSET:
            criteria = []
            for criteria_item_data in _criteria:
                criteria_item = CriterionRef.from_dict(criteria_item_data)

                criteria.append(criteria_item)

        _missing_criteria = d.pop("missing_criteria", UNSET)
        missing_criteria: list[UUID] | Unset = UNSET
        if _missing_criteria is not UNSET:
            missing_criteria = []
            for missing_criteria_item_data in _missing_criteria:
                missing_criteria_item = UUID(missing_criteria_item_data)

                missing_criteria.append(missing_criteria_item)

        item_lookup_response = cls(
            items=items,
            missing=missing,
            open_bugs=open_bugs,
            prds=prds,
            missing_prds=missing_prds,
            criteria=criteria,
            missing_criteria=missing_criteria,
        )

        item_lookup_response.additional_properties = d
        return item_lookup_response

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
