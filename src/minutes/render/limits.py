"""Bounds on what a user's template may take: text size, numbers, nesting and time."""

from __future__ import annotations

import contextlib
import re
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

from jinja2.filters import make_attrgetter
from jinja2.sandbox import MAX_RANGE
from jinja2.utils import pass_environment
from markupsafe import Markup

from minutes.markdown.escape import Md, md_join

MAX_TEXT = 50_000_000  # characters in the output, and in any one text the template makes
MAX_ITEMS = 1_000_000  # items in any one list the template makes
MAX_BITS = 1_000_000  # bits in any one number the template makes
MAX_SECONDS = 30.0  # to render one document

_WIDTH = re.compile(r"\d+")


class Stopped(Exception):
    """A template went past one of its limits; the message says which."""


def stop(what: str, limit: str) -> Stopped:
    """Return the error for a template that ``what`` (past ``limit``)."""
    return Stopped(f"the template {what} (limit {limit})")


def _too_long(size: int) -> Stopped:
    return stop("makes a text too long", f"{MAX_TEXT:,} characters")


def check_size(value: Any, size: int) -> None:
    """Refuse a text or a list of ``size`` items that the template is about to make."""
    if isinstance(value, str) and size > MAX_TEXT:
        raise _too_long(size)
    if isinstance(value, (list, tuple)) and size > MAX_ITEMS:
        raise stop("makes a list too long", f"{MAX_ITEMS:,} items")


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``left OPERATOR right`` when its result would pass a limit."""
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
                check_size(seq, len(seq) * times)
        if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_BITS:
            raise _too_big()
    elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
        check_size(left, len(left) + len(right))
    elif operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
        if right > 0 and abs(left).bit_length() * right > MAX_BITS:
            raise _too_big()
    elif operator == "%" and isinstance(left, str):
        check_format(left, right if isinstance(right, tuple) else (right,))


def _too_big() -> Stopped:
    return stop("makes a number too big", f"{MAX_BITS:,} bits")


def check_format(spec: str, args: Iterable[Any] = ()) -> None:
    """Refuse a format string whose widths (``%999999999d``, ``{:>999999999}``, ``%*d``) would make a text too long."""
    widths = [int(w) for w in _WIDTH.findall(spec) if len(w) > 6] if len(spec) < 100_000 else []
    if "*" in spec:
        widths += [a for a in args if isinstance(a, int)]
    if any(w > MAX_TEXT for w in widths):
        raise _too_long(max(widths))


def concat(parts: Iterable[Any]) -> str:
    """Return ``parts`` joined as ``~`` joins them, refusing a result too long (at most twice the limit is ever built).

    When one of them is Markdown (``Md``), the result is too, its plain parts escaped."""
    parts = list(parts)
    text = "".join(map(str, parts))
    if len(text) > MAX_TEXT:
        raise _too_long(len(text))
    return _markdown(parts, "") if any(isinstance(p, Md) for p in parts) else text


def _markdown(parts: list[Any], separator: Any) -> str:
    """Return ``parts`` joined by ``separator`` as Markdown (``md_join``)."""
    return md_join([p if isinstance(p, (str, Markup)) else str(p) for p in parts], separator)


def bounded_range(*args: int) -> range:
    """Return ``range(*args)``, refusing one of more than the sandbox's MAX_RANGE numbers."""
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise stop("counts too far", f"range() of {MAX_RANGE:,} numbers")
    return numbers


@pass_environment
def join(environment: Any, value: Iterable[Any], d: str = "", attribute: Any = None) -> str:
    """Return the ``|join`` of ``value`` (``attribute`` of each item, read through the sandbox), refusing a result too long."""
    if attribute is not None:
        value = map(make_attrgetter(environment, attribute), value)
    return concat_with(value, d if isinstance(d, Md) else str(d))


def concat_with(items: Iterable[Any], separator: str) -> str:
    """Return ``items`` joined by ``separator``, refusing a result too long."""
    items = list(items)
    texts = [str(i) for i in items]
    check_size("", sum(map(len, texts)) + len(separator) * max(0, len(texts) - 1))
    if isinstance(separator, Md) or any(isinstance(i, Md) for i in items):
        return _markdown(items, separator)
    return separator.join(texts)


def center(value: Any, width: int = 80) -> str:
    """Return the ``|center`` of ``value``, refusing a width too large."""
    check_size("", int(width))
    return str(value).center(int(width))


def indent(s: Any, width: int | str = 4, first: bool = False, blank: bool = False) -> str:
    """Return the ``|indent`` of ``s``, refusing a result too long."""
    from jinja2.filters import do_indent

    text = str(s)
    pad = width if isinstance(width, str) else " " * check_width(width)
    check_size("", len(text) + len(pad) * (text.count("\n") + 1))
    return do_indent(text, pad, first, blank)


def check_width(width: int) -> int:
    """Return ``width``, refusing one past the text limit."""
    check_size("", int(width))
    return int(width)


def generate(chunks: Iterator[str]) -> str:
    """Return the text of a template's ``generate()`` loop, stopped past MAX_TEXT characters or MAX_SECONDS."""
    out: list[str] = []
    size, deadline = 0, time.monotonic() + MAX_SECONDS
    with _alarm(MAX_SECONDS):
        for chunk in chunks:
            size += len(chunk)
            out.append(chunk)
            if size > MAX_TEXT:
                raise stop("makes a text too long", f"{MAX_TEXT:,} characters")
            if not len(out) & 1023 and time.monotonic() > deadline:
                raise _too_slow()
        return "".join(out)


def _too_slow() -> Stopped:
    return stop("takes too long", f"{MAX_SECONDS:g} s")


def too_deep() -> Stopped:
    """Return the error for a template that recursed past Python's limit."""
    return stop("calls itself too deeply (through a macro or an include)", f"{sys.getrecursionlimit():,} nested calls")


def out_of_memory() -> Stopped:
    """Return the error for a template that ran out of memory."""
    return stop("needs more memory than there is", "the machine's memory")


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Raise Stopped in the rendering code after ``seconds`` (on the main thread; elsewhere the loop checks)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def ring(signum: int, frame: Any) -> None:
        raise _too_slow()

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
