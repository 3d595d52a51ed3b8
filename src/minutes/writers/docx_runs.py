"""Word runs as XML text: a run's bold, italics and East Asian font, and the text made safe for XML."""

from __future__ import annotations

from minutes.document.tree import CJK, clean

CJK_FONT = "SimSun"
_CJK_RPR = f'<w:rFonts w:eastAsia="{CJK_FONT}" w:hint="eastAsia"/>'
_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def _xml(text: str) -> str:
    """Return ``text`` escaped for an XML text node."""
    return text.translate(_ESCAPE) if "&" in text or "<" in text or ">" in text else text


def run_xml(text: str, bold: bool, italic: bool, upright: bool = False, style: str = "") -> str:
    """Return the XML of one run: line breaks as w:br, CJK text in the East Asian font (cleaned later).

    ``upright`` keeps CJK text out of italics, even in an italic style (Subtitle, Caption, Quote):
    Chinese, Japanese and Korean are not slanted for emphasis. ``style`` is a character style's id.
    """
    if not text:
        return ""
    cjk = not text.isascii() and CJK.search(text) is not None
    if not (bold or italic or cjk or style or "\n" in text):
        return f'<w:r><w:t xml:space="preserve">{_xml(text)}</w:t></w:r>'
    upright = upright and cjk
    slant = '<w:i w:val="0"/><w:iCs w:val="0"/>' if upright else "<w:i/>" if italic else ""
    rpr = ""
    if bold or slant or cjk or style:
        rpr = ("<w:rPr>" + (f'<w:rStyle w:val="{style}"/>' if style else "") + (_CJK_RPR if cjk else "")
               + ("<w:b/>" if bold else "") + slant + "</w:rPr>")
    if "\n" not in text:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{_xml(text)}</w:t></w:r>'
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{_xml(part)}</w:t>' if part else "" for part in text.split("\n"))
    return f"<w:r>{rpr}{body}</w:r>"


_CONTROL = bytes([*range(9), 11, 12, *range(14, 32)])


def encode_clean(text: str) -> bytes:
    """Return ``text`` as UTF-8 without the characters XML cannot hold (as ``clean``, faster on long text).

    Control characters are single bytes in UTF-8, so they are dropped from the bytes; text with a
    lone surrogate or U+FFFE/U+FFFF, which bytes cannot show so simply, goes through ``clean``.
    """
    if "\ufffe" in text or "\uffff" in text:  # instant for text with no character above U+00FF
        return clean(text).encode()
    try:
        return text.encode().translate(None, _CONTROL)
    except UnicodeEncodeError:
        return clean(text).encode()
