from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.criterion_verify_status import CriterionVerifyStatus, check_criterion_verify_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="CriterionVerify")


@_attrs_define
class CriterionVerify:
    """Record a verification result.

    Attributes:
        status (CriterionVerifyStatus):
        evidence_url (None | str | Unset):
    """

    status: CriterionVerifyStatus
    evidence_url: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status: str = self.status

        evidence_url: None | str | Unset
        if isinstance(self.evidence_url, Unset):
            evidence_url = UNSET
        else:
            evidence_url = self.evidence_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )
        if evidence_url is not UNSET:
            field_dict["evidence_url"] = evidence_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = check_criterion_verify_status(d.pop("status"))

        def _parse_evidence_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evidence_url = _parse_evidence_url(d.pop("evidence_url", UNSET))

        criterion_verify = cls(
            status=status,
            evidence_url=evidence_url,
        )

        return criterion_verify
