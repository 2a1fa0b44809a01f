from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verification_public_result import VerificationPublicResult, check_verification_public_result

T = TypeVar("T", bound="VerificationPublic")


@_attrs_define
class VerificationPublic:
    """A verification result linked to acceptance criteria.

    Attributes:
        id (UUID):
        release_id (UUID):
        project_key (str):
        scenario (str):
        result (VerificationPublicResult):
        evidence (str):
        evidence_url (None | str):
        environment (str):
        verified_by (str):
        verified_at (datetime.datetime):
        criterion_ids (list[UUID]):
        item_keys (list[str]):
        version (int):
    """

    id: UUID
    release_id: UUID
    project_key: str
    scenario: str
    result: VerificationPublicResult
    evidence: str
    evidence_url: None | str
    environment: str
    verified_by: str
    verified_at: datetime.datetime
    criterion_ids: list[UUID]
    item_keys: list[str]
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        release_id = str(self.release_id)

        project_key = self.project_key

        scenario = self.scenario

        result: str = self.result

        evidence = self.evidence

        evidence_url: None | str
        evidence_url = self.evidence_url

        environment = self.environment

        verified_by = self.verified_by

        verified_at = self.verified_at.isoformat()

        criterion_ids = []
        for criterion_ids_item_data in self.criterion_ids:
            criterion_ids_item = str(criterion_ids_item_data)
            criterion_ids.append(criterion_ids_item)

        item_keys = self.item_keys

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "release_id": release_id,
                "project_key": project_key,
                "scenario": scenario,
                "result": result,
                "evidence": evidence,
                "evidence_url": evidence_url,
                "environment": environment,
                "verified_by": verified_by,
                "verified_at": verified_at,
                "criterion_ids": criterion_ids,
                "item_keys": item_keys,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        release_id = UUID(d.pop("release_id"))

        project_key = d.pop("project_key")

        scenario = d.pop("scenario")

        result = check_verification_public_result(d.pop("result"))

        evidence = d.pop("evidence")

        def _parse_evidence_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        evidence_url = _parse_evidence_url(d.pop("evidence_url"))

        environment = d.pop("environment")

        verified_by = d.pop("verified_by")

        verified_at = datetime.datetime.fromisoformat(d.pop("verified_at"))

        criterion_ids = []
        _criterion_ids = d.pop("criterion_ids")
        for criterion_ids_item_data in _criterion_ids:
            criterion_ids_item = UUID(criterion_ids_item_data)

            criterion_ids.append(criterion_ids_item)

        item_keys = cast(list[str], d.pop("item_keys"))

        version = d.pop("version")

        verification_public = cls(
            id=id,
            release_id=release_id,
            project_key=project_key,
            scenario=scenario,
            result=result,
            evidence=evidence,
            evidence_url=evidence_url,
            environment=environment,
            verified_by=verified_by,
            verified_at=verified_at,
            criterion_ids=criterion_ids,
            item_keys=item_keys,
            version=version,
        )

        verification_public.additional_properties = d
        return verification_public

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
