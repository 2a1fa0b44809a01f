from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.verification_create_result import VerificationCreateResult, check_verification_create_result
from ..types import UNSET, Unset

T = TypeVar("T", bound="VerificationCreate")


@_attrs_define
class VerificationCreate:
    """A verification run in production (线上试单). A `failed` one blocks marking the release released
    until it is re-run and updated to `passed`.

        Attributes:
            scenario (str):
            result (VerificationCreateResult):
            evidence (str | Unset):  Default: ''.
            evidence_url (None | str | Unset):
            environment (str | Unset):  Default: 'production'.
            criterion_ids (list[UUID] | Unset): Acceptance criteria (requirements-svc ids) of the release's project this
                verifies. Each is checked with requirements-svc; a failed verification fails them, a passed one passes those
                still pending.
            item_keys (list[str] | Unset): Items of the release's project this verifies; the item of every linked criterion
                is added.
    """

    scenario: str
    result: VerificationCreateResult
    evidence: str | Unset = ""
    evidence_url: None | str | Unset = UNSET
    environment: str | Unset = "production"
    criterion_ids: list[UUID] | Unset = UNSET
    item_keys: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        scenario = self.scenario

        result: str = self.result

        evidence = self.evidence

        evidence_url: None | str | Unset
        if isinstance(self.evidence_url, Unset):
            evidence_url = UNSET
        else:
            evidence_url = self.evidence_url

        environment = self.environment

        criterion_ids: list[str] | Unset = UNSET
        if not isinstance(self.criterion_ids, Unset):
            criterion_ids = []
            for criterion_ids_item_data in self.criterion_ids:
                criterion_ids_item = str(criterion_ids_item_data)
                criterion_ids.append(criterion_ids_item)

        item_keys: list[str] | Unset = UNSET
        if not isinstance(self.item_keys, Unset):
            item_keys = self.item_keys

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "scenario": scenario,
                "result": result,
            }
        )
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if evidence_url is not UNSET:
            field_dict["evidence_url"] = evidence_url
        if environment is not UNSET:
            field_dict["environment"] = environment
        if criterion_ids is not UNSET:
            field_dict["criterion_ids"] = criterion_ids
        if item_keys is not UNSET:
            field_dict["item_keys"] = item_keys

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scenario = d.pop("scenario")

        result = check_verification_create_result(d.pop("result"))

        evidence = d.pop("evidence", UNSET)

        def _parse_evidence_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evidence_url = _parse_evidence_url(d.pop("evidence_url", UNSET))

        environment = d.pop("environment", UNSET)

        _criterion_ids = d.pop("criterion_ids", UNSET)
        criterion_ids: list[UUID] | Unset = UNSET
        if _criterion_ids is not UNSET:
            criterion_ids = []
            for criterion_ids_item_data in _criterion_ids:
                criterion_ids_item = UUID(criterion_ids_item_data)

                criterion_ids.append(criterion_ids_item)

        item_keys = cast(list[str], d.pop("item_keys", UNSET))

        verification_create = cls(
            scenario=scenario,
            result=result,
            evidence=evidence,
            evidence_url=evidence_url,
            environment=environment,
            criterion_ids=criterion_ids,
            item_keys=item_keys,
        )

        return verification_create
