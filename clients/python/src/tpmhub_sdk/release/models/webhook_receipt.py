from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_receipt_status import WebhookReceiptStatus, check_webhook_receipt_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookReceipt")


@_attrs_define
class WebhookReceipt:
    """What TPM Hub did with a webhook delivery.

    Attributes:
        delivery_id (str):
        status (WebhookReceiptStatus): `ignored`: an event we do not use (recorded, 202); `duplicate`: this source
            accepted this delivery id before, nothing was repeated (200).
        runs (int | Unset): Pipeline runs recorded or updated. Default: 0.
        deployments (int | Unset): Deployments recorded. Default: 0.
        references (int | Unset): Item keys referenced (emitted as `ci.item_referenced`). Default: 0.
        checklist_ticked (int | Unset):  Default: 0.
        detail (None | str | Unset): What was done with a deployment protection request, or why it was ignored.
    """

    delivery_id: str
    status: WebhookReceiptStatus
    runs: int | Unset = 0
    deployments: int | Unset = 0
    references: int | Unset = 0
    checklist_ticked: int | Unset = 0
    detail: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        delivery_id = self.delivery_id

        status: str = self.status

        runs = self.runs

        deployments = self.deployments

        references = self.references

        checklist_ticked = self.checklist_ticked

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "delivery_id": delivery_id,
                "status": status,
            }
        )
        if runs is not UNSET:
            field_dict["runs"] = runs
        if deployments is not UNSET:
            field_dict["deployments"] = deployments
        if references is not UNSET:
            field_dict["references"] = references
        if checklist_ticked is not UNSET:
            field_dict["checklist_ticked"] = checklist_ticked
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        delivery_id = d.pop("delivery_id")

        status = check_webhook_receipt_status(d.pop("status"))

        runs = d.pop("runs", UNSET)

        deployments = d.pop("deployments", UNSET)

        references = d.pop("references", UNSET)

        checklist_ticked = d.pop("checklist_ticked", UNSET)

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        webhook_receipt = cls(
            delivery_id=delivery_id,
            status=status,
            runs=runs,
            deployments=deployments,
            references=references,
            checklist_ticked=checklist_ticked,
            detail=detail,
        )

        webhook_receipt.additional_properties = d
        return webhook_receipt

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
