from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.data import Data


T = TypeVar("T", bound="CloudEvent")


@_attrs_define
class CloudEvent:
    """A CloudEvents 1.0 JSON envelope, as sent between services and to subscribers.

    Attributes:
        id (str): Unique per source; receivers deduplicate by (source, id).
        source (str):
        type_ (str):
        time (datetime.datetime):
        specversion (str | Unset):  Default: '1.0'.
        subject (None | str | Unset): The resource the event is about; delivery is in order per subject.
        datacontenttype (str | Unset):  Default: 'application/json'.
        data (Data | Unset): The event's data; its schema depends on `type`.
    """

    id: str
    source: str
    type_: str
    time: datetime.datetime
    specversion: str | Unset = "1.0"
    subject: None | str | Unset = UNSET
    datacontenttype: str | Unset = "application/json"
    data: Data | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        source = self.source

        type_ = self.type_

        time = self.time.isoformat()

        specversion = self.specversion

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        datacontenttype = self.datacontenttype

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "source": source,
                "type": type_,
                "time": time,
            }
        )
        if specversion is not UNSET:
            field_dict["specversion"] = specversion
        if subject is not UNSET:
            field_dict["subject"] = subject
        if datacontenttype is not UNSET:
            field_dict["datacontenttype"] = datacontenttype
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.data import Data  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        source = d.pop("source")

        type_ = d.pop("type")

        time = datetime.datetime.fromisoformat(d.pop("time"))

        specversion = d.pop("specversion", UNSET)

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        datacontenttype = d.pop("datacontenttype", UNSET)

        _data = d.pop("data", UNSET)
        data: Data | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = Data.from_dict(_data)

        cloud_event = cls(
            id=id,
            source=source,
            type_=type_,
            time=time,
            specversion=specversion,
            subject=subject,
            datacontenttype=datacontenttype,
            data=data,
        )

        return cloud_event
