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
    """The code of each shipped template in a file of its own beside it, named after the template, Python's bytecode,
    Jinja and the code of minutes, and used only for the source it was compiled from (whose digest opens the file).

    Compiling the minutes template costs about a tenth of a second in every render; reading it back, a
    millisecond. A user's own templates are compiled each time, and nothing in the user's cache folder is
    ever run. A file that cannot be read or written is no error: the template is compiled as if there were none.
    """

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        """Return the name of the file that holds ``name``'s code, or "" for a template that is not shipped."""
        shipped = templates_dir()
        if filename is None or not Path(filename).is_relative_to(shipped):
            return ""
        key = f"{code_digest()}\0{jinja2.__version__}\0{importlib.util.MAGIC_NUMBER.hex()}\0{name}"
        return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:40]

    def load_bytecode(self, bucket: Bucket) -> None:
        """Give ``bucket`` the code kept for its template, if it was compiled from the same source."""
        if not bucket.key:
            return
        head = _HEAD + bucket.checksum.encode("ascii") + b"\n"
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            data = _file(bucket).read_bytes()
            if data.startswith(head):
                code = marshal.loads(data[len(head):])
                bucket.code = code if type(code).__name__ == "code" else None

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the code of ``bucket``'s template, headed by the digest of its source (never an error)."""
        if bucket.key and bucket.code is not None:
            cachedir.save(_file(bucket), _HEAD + bucket.checksum.encode("ascii") + b"\n" + marshal.dumps(bucket.code))


def _file(bucket: Bucket) -> Path:
    """Return the file that keeps ``bucket``'s template's code."""
    return templates_dir() / FOLDER / f"{bucket.key}.jinja"
