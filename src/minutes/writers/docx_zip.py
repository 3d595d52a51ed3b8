"""Zip members compressed once, and a .docx package written from them."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Entry:
    """One compressed zip member: its name, raw deflate data, CRC-32 and size."""

    name: str
    data: bytes
    crc: int
    size: int


# The body part is compressed at zlib's fastest level: about twice as fast as its default on a large session's
# text, for output about a sixth larger (the shared parts are compressed once, at the default level).
LEVEL = 1


class Deflater:
    """A zip member compressed as it is written, so that a large part is never held whole."""

    def __init__(self, name: str):
        self.name = name
        self.zip = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
        self.out: list[bytes] = []
        self.crc = self.size = 0

    def write(self, data: bytes) -> None:
        self.crc = zlib.crc32(data, self.crc)
        self.size += len(data)
        self.out.append(self.zip.compress(data))

    def close(self) -> Entry:
        self.out.append(self.zip.flush())
        return Entry(self.name, b"".join(self.out), self.crc, self.size)


def deflate(name: str, data: bytes) -> Entry:
    """Return ``data`` as a compressed zip member."""
    sink = Deflater(name)
    sink.write(data)
    return sink.close()


def stored(package: zipfile.ZipFile, data: memoryview, name: str) -> Entry:
    """Return a member of the zip archive ``data`` as it is stored, compressed once already."""
    info = package.getinfo(name)
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return deflate(name, package.read(name))
    name_len, extra_len = struct.unpack_from("<2H", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_len + extra_len
    return Entry(name, bytes(data[start:start + info.compress_size]), info.CRC, info.file_size)


_DOS_DATE = (0, 0x21)  # 1980-01-01 00:00: the same bytes for the same document


def zip_bytes(entries: list[Entry]) -> bytes:
    """Return a zip archive of already compressed members."""
    out, central = io.BytesIO(), io.BytesIO()
    for e in entries:
        name = e.name.encode()
        fields = (20, 0, 8, *_DOS_DATE, e.crc, len(e.data), e.size, len(name))
        central.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, out.tell()) + name)
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields, 0) + name)
        out.write(e.data)
    at, size = out.tell(), central.tell()
    out.write(central.getvalue())
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), size, at, 0))
    return out.getvalue()
