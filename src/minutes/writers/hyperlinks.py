"""Word hyperlinks: a link's runs, its external relationship, and the Hyperlink character style."""

from __future__ import annotations

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import RGBColor

from minutes.document.tree import clean

STYLE = "Hyperlink"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def character_style(word: docx.document.Document) -> str:
    """Return the Hyperlink character style's id; a reference without one gets Word's (blue, underlined)."""
    try:
        return word.styles[STYLE].style_id
    except KeyError:
        pass
    style = word.styles.add_style(STYLE, WD_STYLE_TYPE.CHARACTER)
    style.base_style = word.styles.default(WD_STYLE_TYPE.CHARACTER)
    style.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    style.font.underline = True
    return style.style_id


def hyperlink_xml(rid: str, runs: str, declare: bool) -> str:
    """Return a w:hyperlink to the relationship ``rid`` around ``runs`` (XML), declaring ``r:`` if asked."""
    ns = f' xmlns:r="{R_NS}"' if declare else ""
    return f'<w:hyperlink{ns} r:id="{rid}" w:history="1">{runs}</w:hyperlink>'


def relationship_xml(rid: str, href: str) -> str:
    """Return the external relationship from the document to the URL ``href``."""
    target = clean(href).translate(_ATTRIBUTE)
    return f'<Relationship Id="{rid}" Type="{RT.HYPERLINK}" Target="{target}" TargetMode="External"/>'
