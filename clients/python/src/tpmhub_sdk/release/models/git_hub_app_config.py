from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="GitHubAppConfig")


@_attrs_define
class GitHubAppConfig:
    """The GitHub App that answers this repository's custom deployment protection rule. The private key and
    the webhook secret are stored like the source's secret and never shown again.

        Attributes:
            app_id (int): The App's id (App settings → About).
            private_key (str): The App's private key (PEM, RSA, unencrypted, at most 16 KiB), used to sign the App JWT
                (RS256) that obtains installation tokens.
            webhook_secret (None | str | Unset): The App's webhook secret; when omitted, the App must use the source's
                secret.
            installation_id (int | None | Unset): When set, deliveries from any other installation are recorded and ignored.
    """

    app_id: int
    private_key: str
    webhook_secret: None | str | Unset = UNSET
    installation_id: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        app_id = self.app_id

        private_key = self.private_key

        webhook_secret: None | str | Unset
        if isinstance(self.webhook_secret, Unset):
            webhook_secret = UNSET
        else:
            webhook_secret = self.webhook_secret

        installation_id: int | None | Unset
        if isinstance(self.installation_id, Unset):
            installation_id = UNSET
        else:
            installation_id = self.installation_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "app_id": app_id,
                "private_key": private_key,
            }
        )
        if webhook_secret is not UNSET:
            field_dict["webhook_secret"] = webhook_secret
        if installation_id is not UNSET:
            field_dict["installation_id"] = installation_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        app_id = d.pop("app_id")

        private_key = d.pop("private_key")

        def _parse_webhook_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        webhook_secret = _parse_webhook_secret(d.pop("webhook_secret", UNSET))

        def _parse_installation_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        installation_id = _parse_installation_id(d.pop("installation_id", UNSET))

        git_hub_app_config = cls(
            app_id=app_id,
            private_key=private_key,
            webhook_secret=webhook_secret,
            installation_id=installation_id,
        )

        return git_hub_app_config
