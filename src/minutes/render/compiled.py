"""The shipped templates compiled once, kept beside them as Python keeps its bytecode, so a render need not compile them."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from minutes.render.resources import templates_dir
from minutes.store import cachedir
from minutes.store.cache import code_digest

_HEAD = b"minutes compiled template 1\n"
FOLDER = "__pycache__"  # in the shipped templates' folder: as trusted as the package's own code, never the cache folder


class TemplateCache(jinja2.BytecodeCache):
    """The code of each shipped template in a file of its own beside it, used only for the source it was compiled from
    by the same minutes, Jinja and Python (whose digests open the file).

    Compiling the minutes template costs about a tenth of a second in every render; reading it back, a
    millisecond. A user's own templates are compiled each time, and nothing in the user's cache folder is
    ever run. A file that cannot be read or written is no error: the template is compiled as if there were none.
    """

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        """Return the name of the file that holds ``name``'s code, or "" for a template that is not shipped."""
        if filename is None or not Path(filename).is_relative_to(templates_dir()):
            return ""
        return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:40]

    def load_bytecode(self, bucket: Bucket) -> None:
        """Give ``bucket`` the code kept for its template, if it was compiled from the same source, by the same code."""
        if not bucket.key:
            return
        head = _head(bucket)
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            data = _file(bucket).read_bytes()
            if data.startswith(head):
                code = marshal.loads(data[len(head):])
                bucket.code = code if type(code).__name__ == "code" else None

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the code of ``bucket``'s template, headed by what it was compiled from and by (never an error)."""
        if bucket.key and bucket.code is not None:
            cachedir.save(_file(bucket), _head(bucket) + marshal.dumps(bucket.code))


def _head(bucket: Bucket) -> bytes:
    """Return the line that opens a kept template: the digests of its source and of the code that compiled it."""
    made_by = f"{code_digest()} {jinja2.__version__} {importlib.util.MAGIC_NUMBER.hex()} {bucket.checksum}"
    return _HEAD + made_by.encode("ascii", "replace") + b"\n"


def _file(bucket: Bucket) -> Path:
    """Return the file that keeps ``bucket``'s template's code."""
    return templates_dir() / FOLDER / f"{bucket.key}.jinja"
