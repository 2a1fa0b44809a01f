from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.verification_update_result_type_0 import (
    VerificationUpdateResultType0,
    check_verification_update_result_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="VerificationUpdate")


@_attrs_define
class VerificationUpdate:
    """Record a re-run (merge patch).

    Attributes:
        result (None | Unset | VerificationUpdateResultType0):
        evidence (None | str | Unset):
        evidence_url (None | str | Unset):
        criterion_ids (list[UUID] | None | Unset): Replace the linked criteria (checked as on create).
        item_keys (list[str] | None | Unset): Replace the linked items (checked as on create).
    """

    result: None | Unset | VerificationUpdateResultType0 = UNSET
    evidence: None | str | Unset = UNSET
    evidence_url: None | str | Unset = UNSET
    criterion_ids: list[UUID] | None | Unset = UNSET
    item_keys: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, str):
            result = self.result
        else:
            result = self.result

        evidence: None | str | Unset
        if isinstance(self.evidence, Unset):
            evidence = UNSET
        else:
            evidence = self.evidence

        evidence_url: None | str | Unset
        if isinstance(self.evidence_url, Unset):
            evidence_url = UNSET
        else:
            evidence_url = self.evidence_url

        criterion_ids: list[str] | None | Unset
        if isinstance(self.criterion_ids, Unset):
            criterion_ids = UNSET
        elif isinstance(self.criterion_ids, list):
            criterion_ids = []
            for criterion_ids_type_0_item_data in self.criterion_ids:
                criterion_ids_type_0_item = str(criterion_ids_type_0_item_data)
                criterion_ids.append(criterion_ids_type_0_item)

        else:
            criterion_ids = self.criterion_ids

        item_keys: list[str] | None | Unset
        if isinstance(self.item_keys, Unset):
            item_keys = UNSET
        elif isinstance(self.item_keys, list):
            item_keys = self.item_keys

        else:
            item_keys = self.item_keys

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if result is not UNSET:
            field_dict["result"] = result
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if evidence_url is not UNSET:
            field_dict["evidence_url"] = evidence_url
        if criterion_ids is not UNSET:
            field_dict["criterion_ids"] = criterion_ids
        if item_keys is not UNSET:
            field_dict["item_keys"] = item_keys

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_result(data: object) -> None | Unset | VerificationUpdateResultType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                result_type_0 = check_verification_update_result_type_0(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VerificationUpdateResultType0, data)

        result = _parse_result(d.pop("result", UNSET))

        def _parse_evidence(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evidence = _parse_evidence(d.pop("evidence", UNSET))

        def _parse_evidence_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evidence_url = _parse_evidence_url(d.pop("evidence_url", UNSET))

        def _parse_criterion_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                criterion_ids_type_0 = []
                _criterion_ids_type_0 = data
                for criterion_ids_type_0_item_data in _criterion_ids_type_0:
                    criterion_ids_type_0_item = UUID(criterion_ids_type_0_item_data)

                    criterion_ids_type_0.append(criterion_ids_type_0_item)

                return criterion_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        criterion_ids = _parse_criterion_ids(d.pop("criterion_ids", UNSET))

        def _parse_item_keys(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                item_keys_type_0 = cast(list[str], data)

                return item_keys_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        item_keys = _parse_item_keys(d.pop("item_keys", UNSET))

        verification_update = cls(
            result=result,
            evidence=evidence,
            evidence_url=evidence_url,
            criterion_ids=criterion_ids,
            item_keys=item_keys,
        )

        return verification_update
