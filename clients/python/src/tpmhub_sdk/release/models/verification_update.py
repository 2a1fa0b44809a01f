from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

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
    """

    result: None | Unset | VerificationUpdateResultType0 = UNSET
    evidence: None | str | Unset = UNSET
    evidence_url: None | str | Unset = UNSET

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

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if result is not UNSET:
            field_dict["result"] = result
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if evidence_url is not UNSET:
            field_dict["evidence_url"] = evidence_url

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

        verification_update = cls(
            result=result,
            evidence=evidence,
            evidence_url=evidence_url,
        )

        return verification_update
