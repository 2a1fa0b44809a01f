from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.fired_rule_severity import FiredRuleSeverity, check_fired_rule_severity

if TYPE_CHECKING:
    from ..models.facts import Facts


T = TypeVar("T", bound="FiredRule")


@_attrs_define
class FiredRule:
    """One health rule that fired, with the facts behind it and where to look.

    Attributes:
        rule (str):
        severity (FiredRuleSeverity):
        title (str):
        facts (Facts):
        links (list[str]):
    """

    rule: str
    severity: FiredRuleSeverity
    title: str
    facts: Facts
    links: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rule = self.rule

        severity: str = self.severity

        title = self.title

        facts = self.facts.to_dict()

        links = self.links

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rule": rule,
                "severity": severity,
                "title": title,
                "facts": facts,
                "links": links,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.facts import Facts  # noqa: PLC0415

        d = dict(src_dict)
        rule = d.pop("rule")

        severity = check_fired_rule_severity(d.pop("severity"))

        title = d.pop("title")

        facts = Facts.from_dict(d.pop("facts"))

        links = cast(list[str], d.pop("links"))

        fired_rule = cls(
            rule=rule,
            severity=severity,
            title=title,
            facts=facts,
            links=links,
        )

        fired_rule.additional_properties = d
        return fired_rule

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
