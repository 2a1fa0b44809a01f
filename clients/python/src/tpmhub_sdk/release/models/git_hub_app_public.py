from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GitHubAppPublic")


@_attrs_define
class GitHubAppPublic:
    """The GitHub App configuration as shown: never its private key or webhook secret.

    Attributes:
        app_id (int):
        installation_id (int | None):
        private_key_fingerprint (str): SHA-256 of the public key: compare with the App's keys on GitHub.
        webhook_secret_set (bool): Whether the App has a webhook secret of its own.
    """

    app_id: int
    installation_id: int | None
    private_key_fingerprint: str
    webhook_secret_set: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        app_id = self.app_id

        installation_id: int | None
        installation_id = self.installation_id

        private_key_fingerprint = self.private_key_fingerprint

        webhook_secret_set = self.webhook_secret_set

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "app_id": app_id,
                "installation_id": installation_id,
                "private_key_fingerprint": private_key_fingerprint,
                "webhook_secret_set": webhook_secret_set,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        app_id = d.pop("app_id")

        def _parse_installation_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        installation_id = _parse_installation_id(d.pop("installation_id"))

        private_key_fingerprint = d.pop("private_key_fingerprint")

        webhook_secret_set = d.pop("webhook_secret_set")

        git_hub_app_public = cls(
            app_id=app_id,
            installation_id=installation_id,
            private_key_fingerprint=private_key_fingerprint,
            webhook_secret_set=webhook_secret_set,
        )

        git_hub_app_public.additional_properties = d
        return git_hub_app_public

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
