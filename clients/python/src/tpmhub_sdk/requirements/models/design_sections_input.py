from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DesignSectionsInput")


@_attrs_define
class DesignSectionsInput:
    """The fixed sections of a technical design (技术方案). Every design has all of them.

    Attributes:
        context (None | str | Unset): Markdown, up to 50,000 characters. In a PATCH: omitted stays, null empties the
            section.
        proposal (None | str | Unset): Markdown, up to 50,000 characters. In a PATCH: omitted stays, null empties the
            section.
        alternatives (None | str | Unset): Markdown, up to 50,000 characters. In a PATCH: omitted stays, null empties
            the section.
        trade_offs (None | str | Unset): Markdown, up to 50,000 characters. In a PATCH: omitted stays, null empties the
            section.
        risks (None | str | Unset): Markdown, up to 50,000 characters. In a PATCH: omitted stays, null empties the
            section.
        cost (None | str | Unset): Markdown, up to 50,000 characters. In a PATCH: omitted stays, null empties the
            section.
        rollout_and_rollback (None | str | Unset): Markdown, up to 50,000 characters. In a PATCH: omitted stays, null
            empties the section.
        open_questions (None | str | Unset): Markdown, up to 50,000 characters. In a PATCH: omitted stays, null empties
            the section.
    """

    context: None | str | Unset = UNSET
    proposal: None | str | Unset = UNSET
    alternatives: None | str | Unset = UNSET
    trade_offs: None | str | Unset = UNSET
    risks: None | str | Unset = UNSET
    cost: None | str | Unset = UNSET
    rollout_and_rollback: None | str | Unset = UNSET
    open_questions: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        context: None | str | Unset
        if isinstance(self.context, Unset):
            context = UNSET
        else:
            context = self.context

        proposal: None | str | Unset
        if isinstance(self.proposal, Unset):
            proposal = UNSET
        else:
            proposal = self.proposal

        alternatives: None | str | Unset
        if isinstance(self.alternatives, Unset):
            alternatives = UNSET
        else:
            alternatives = self.alternatives

        trade_offs: None | str | Unset
        if isinstance(self.trade_offs, Unset):
            trade_offs = UNSET
        else:
            trade_offs = self.trade_offs

        risks: None | str | Unset
        if isinstance(self.risks, Unset):
            risks = UNSET
        else:
            risks = self.risks

        cost: None | str | Unset
        if isinstance(self.cost, Unset):
            cost = UNSET
        else:
            cost = self.cost

        rollout_and_rollback: None | str | Unset
        if isinstance(self.rollout_and_rollback, Unset):
            rollout_and_rollback = UNSET
        else:
            rollout_and_rollback = self.rollout_and_rollback

        open_questions: None | str | Unset
        if isinstance(self.open_questions, Unset):
            open_questions = UNSET
        else:
            open_questions = self.open_questions

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if context is not UNSET:
            field_dict["context"] = context
        if proposal is not UNSET:
            field_dict["proposal"] = proposal
        if alternatives is not UNSET:
            field_dict["alternatives"] = alternatives
        if trade_offs is not UNSET:
            field_dict["trade_offs"] = trade_offs
        if risks is not UNSET:
            field_dict["risks"] = risks
        if cost is not UNSET:
            field_dict["cost"] = cost
        if rollout_and_rollback is not UNSET:
            field_dict["rollout_and_rollback"] = rollout_and_rollback
        if open_questions is not UNSET:
            field_dict["open_questions"] = open_questions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_context(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        context = _parse_context(d.pop("context", UNSET))

        def _parse_proposal(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        proposal = _parse_proposal(d.pop("proposal", UNSET))

        def _parse_alternatives(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        alternatives = _parse_alternatives(d.pop("alternatives", UNSET))

        def _parse_trade_offs(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trade_offs = _parse_trade_offs(d.pop("trade_offs", UNSET))

        def _parse_risks(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        risks = _parse_risks(d.pop("risks", UNSET))

        def _parse_cost(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cost = _parse_cost(d.pop("cost", UNSET))

        def _parse_rollout_and_rollback(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rollout_and_rollback = _parse_rollout_and_rollback(d.pop("rollout_and_rollback", UNSET))

        def _parse_open_questions(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        open_questions = _parse_open_questions(d.pop("open_questions", UNSET))

        design_sections_input = cls(
            context=context,
            proposal=proposal,
            alternatives=alternatives,
            trade_offs=trade_offs,
            risks=risks,
            cost=cost,
            rollout_and_rollback=rollout_and_rollback,
            open_questions=open_questions,
        )

        return design_sections_input
