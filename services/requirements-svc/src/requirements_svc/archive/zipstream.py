"""A zip written as a stream: entries go through `zipfile` into a write-through sink that is drained after
every write, so at most one chunk of compressed output is held in memory (entries carry data descriptors,
as for any zip written to a pipe)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import IO


class _Sink(io.RawIOBase):
    """Write-only, unseekable: zipfile writes local headers, data and descriptors in order."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self.total = 0

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:  # noqa: ANN001 - bytes-like
        data = bytes(b)
        self._chunks.append(data)
        self.total += len(data)
        return len(data)

    def drain(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


class ZipStream:
    def __init__(self, *, compresslevel: int = 6) -> None:
        self._sink = _Sink()
        self._zip = zipfile.ZipFile(
            self._sink, mode="w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel
        )
        self.names: list[str] = []

    @contextmanager
    def entry(self, name: str, when: datetime) -> Iterator[IO[bytes]]:
        info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with self._zip.open(info, mode="w", force_zip64=True) as handle:
            yield handle
        self.names.append(name)

    def drain(self) -> bytes:
        return self._sink.drain()

    def close(self) -> bytes:
        self._zip.close()
        return self._sink.drain()

    @property
    def bytes_written(self) -> int:
        return self._sink.total
