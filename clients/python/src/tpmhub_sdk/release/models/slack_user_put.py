from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.slack_user_put_role import SlackUserPutRole, check_slack_user_put_role

T = TypeVar("T", bound="SlackUserPut")


@_attrs_define
class SlackUserPut:
    """The TPM Hub identity and project role a Slack user acts as.

    Attributes:
        sub (str):
        role (SlackUserPutRole): The role in this project (only an admin may grant admin).
    """

    sub: str
    role: SlackUserPutRole

    def to_dict(self) -> dict[str, Any]:
        sub = self.sub

        role: str = self.role

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sub": sub,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sub = d.pop("sub")

        role = check_slack_user_put_role(d.pop("role"))

        slack_user_put = cls(
            sub=sub,
            role=role,
        )

        return slack_user_put
