"""Compiled templates kept in the user's cache folder, so that a render does not compile its template again."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from minutes.store import cachedir
from minutes.store.cache import code_digest

_HEAD = b"minutes compiled template 1\n"


class TemplateCache(jinja2.BytecodeCache):
    """Each template's code in a file of its own, named after the template, Python's bytecode, Jinja and the code
    of minutes, and used only for the source it was compiled from (whose digest opens the file).

    Compiling the minutes template costs about a tenth of a second, in every render; reading it back, a
    millisecond. A file that cannot be read or written is never an error: the template is compiled as if
    there were none. (Like Python's own ``__pycache__``, the folder holds code: it is the user's own.)
    """

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        """Return the name of the file that holds ``name``'s code (compiled by this minutes, Jinja and Python)."""
        key = f"{code_digest()}\0{jinja2.__version__}\0{importlib.util.MAGIC_NUMBER.hex()}\0{name}\0{filename}"
        return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:40]

    def load_bytecode(self, bucket: Bucket) -> None:
        """Give ``bucket`` the code kept for its template, if it was compiled from the same source."""
        head = _HEAD + bucket.checksum.encode("ascii") + b"\n"
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            data = _file(bucket).read_bytes()
            if data.startswith(head):
                code = marshal.loads(data[len(head):])
                bucket.code = code if type(code).__name__ == "code" else None

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the code of ``bucket``'s template, headed by the digest of its source (never an error)."""
        if bucket.code is not None:
            head = _HEAD + bucket.checksum.encode("ascii") + b"\n"
            cachedir.save(_file(bucket), head + marshal.dumps(bucket.code))


def _file(bucket: Bucket) -> Path:
    """Return the cache file of ``bucket``'s template."""
    return cachedir.root() / "templates" / f"{bucket.key}.code"
