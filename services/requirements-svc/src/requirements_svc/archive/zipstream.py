"""A zip written as a stream: entries go through `zipfile` into a write-through sink that is drained after
every write, so at most one chunk of compressed output is held in memory (entries carry data descriptors,
as for any zip written to a pipe)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Entry:
    """What was written under one name: its size and SHA-256 (uncompressed), for the manifest."""

    name: str
    bytes: int
    sha256: str


class _Hashing:
    """The entry's handle, counting and hashing what goes through it."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self._hash = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self._hash.update(data)
        self.size += len(data)
        return self._handle.write(data)

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


class ZipStream:
    def __init__(self, *, compresslevel: int = 6) -> None:
        self._sink = _Sink()
        self._zip = zipfile.ZipFile(
            self._sink, mode="w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel
        )
        self.entries: list[Entry] = []
        self._seen: set[str] = set()

    @property
    def names(self) -> list[str]:
        return [e.name for e in self.entries]

    @contextmanager
    def entry(self, name: str, when: datetime) -> Iterator[_Hashing]:
        """Write one entry; a name is written once (a second would shadow the first when unzipped)."""
        if name in self._seen:
            raise ValueError(f"zip entry {name!r} written twice")
        self._seen.add(name)
        info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with self._zip.open(info, mode="w", force_zip64=True) as handle:
            hashing = _Hashing(handle)
            yield hashing
        self.entries.append(Entry(name, hashing.size, hashing.hexdigest()))

    def drain(self) -> bytes:
        return self._sink.drain()

    def close(self) -> bytes:
        self._zip.close()
        return self._sink.drain()

    @property
    def bytes_written(self) -> int:
        return self._sink.total
