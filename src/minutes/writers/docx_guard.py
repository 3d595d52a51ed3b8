"""Limits on what users hand the Word writer: reference documents (zip bombs, DTDs, outside content) and pictures.

A reference .docx is a zip the user gives us: before python-docx opens it, its entries are counted and
their sizes checked (the zip module never inflates a part past the size its entry declares), and every
XML part is refused if it carries a DTD. Once opened, relationships that make Word or LibreOffice fetch
something from outside (images, templates, OLE objects, frames) are dropped; hyperlinks stay.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from minutes.errors import MinutesError

MB = 1024 * 1024
MAX_REFERENCE = 100 * MB  # the reference file itself
MAX_PARTS = 1000  # entries in the reference's zip
MAX_PART = 50 * MB  # one part, inflated
MAX_TOTAL = 100 * MB  # all parts, inflated
MAX_RATIO = 100  # inflated / compressed, for parts larger than RATIO_FROM
RATIO_FROM = MB
MAX_PICTURE = 50 * MB  # a picture embedded into the Word output

HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Elements that mean nothing without the relationship they name: dropped with it.
NEEDS_TARGET = {f"{{{W_NS}}}attachedTemplate", f"{{{W_NS}}}subDoc"}
UNREADABLE = (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, OSError)  # zipfile's kinds
XML_NAMES = (".xml", ".rels", ".vml")
_DOCTYPE = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))


def _mb(size: int) -> str:
    return f"{size // MB} MB"


def check_reference(path: Path, data: bytes) -> None:
    """Refuse a reference .docx whose zip is too large, has too many parts, inflates too far or holds a DTD."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return  # python-docx says it is not a Word document
    entries = package.infolist()
    if len(entries) > MAX_PARTS:
        raise MinutesError(f"{path}: refused: {len(entries)} parts in the reference document (the limit is {MAX_PARTS})")
    total = 0
    for entry in entries:
        if entry.file_size > MAX_PART:
            raise MinutesError(f"{path}: refused: part {entry.filename} inflates to {_mb(entry.file_size)} "
                               f"(the limit is {_mb(MAX_PART)} a part)")
        if entry.file_size > RATIO_FROM and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise MinutesError(f"{path}: refused: part {entry.filename} is compressed more than {MAX_RATIO} to 1 "
                               "(a zip bomb?)")
        total += entry.file_size
        if total > MAX_TOTAL:
            raise MinutesError(f"{path}: refused: the reference document inflates to more than {_mb(MAX_TOTAL)}")
    xml = _xml_parts(package)
    for entry in entries:
        if entry.filename in xml:
            _check_no_dtd(path, package, entry)


def _xml_parts(package: zipfile.ZipFile) -> set[str]:
    """Return the names of the parts python-docx may parse as XML: by their name or their content type."""
    try:
        types = package.read("[Content_Types].xml").decode("utf-8", "replace")
    except (KeyError, *UNREADABLE):
        types = ""
    xml = re.compile(r'ContentType="[^"]*[/+]xml"')
    defaults = {m.group(1).lower() for m in re.finditer(r'<Default [^>]*Extension="([^"]*)"[^>]*>', types)
                if xml.search(m.group(0))}
    overrides = {m.group(1).lstrip("/") for m in re.finditer(r'<Override [^>]*PartName="([^"]*)"[^>]*>', types)
                 if xml.search(m.group(0))}
    return {name for name in package.namelist()
            if name.lower().endswith(XML_NAMES) or name in overrides or name.rsplit(".", 1)[-1].lower() in defaults}


def _check_no_dtd(path: Path, package: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    """Refuse an XML part with a document type declaration (entities, outside DTDs)."""
    try:
        text = package.read(entry)
    except UNREADABLE:
        return  # python-docx reports an unreadable part
    if any(mark in text for mark in _DOCTYPE):
        raise MinutesError(f"{path}: refused: part {entry.filename} has a DTD (<!DOCTYPE>); "
                           "Word documents have none: save it again in Word")


def drop_outside_content(word, label: str) -> list[str]:
    """Drop the reference's external relationships other than hyperlinks; return the warning (if any) as a list."""
    package = word.part.package
    dropped = []
    for source in (package, *package.iter_parts()):
        gone = {rid: rel for rid, rel in source.rels.items() if rel.is_external and rel.reltype != HYPERLINK}
        if not gone:
            continue
        for rid, rel in gone.items():
            del source.rels[rid]
            name = getattr(source, "partname", "/")[1:] or "the package"
            dropped.append(f"{name}: {rel.reltype.rsplit('/', 1)[-1]} {rel.target_ref}")
        element = getattr(source, "_element", None)
        if element is not None:
            _forget(element, set(gone))
    if not dropped:
        return []
    more = f" and {len(dropped) - 3} more" if len(dropped) > 3 else ""
    return [f"{label}: dropped {len(dropped)} link(s) to outside content that Word or LibreOffice would fetch "
            f"({'; '.join(dropped[:3])}{more})"]


def _forget(element, rids: set[str]) -> None:
    """Remove the attributes that name a dropped relationship (and the elements that mean nothing without it)."""
    for node in list(element.iter()):
        for attr in [a for a in node.attrib if a.startswith(f"{{{R_NS}}}") and node.get(a) in rids]:
            if node.tag in NEEDS_TARGET and node.getparent() is not None:
                node.getparent().remove(node)
                break
            del node.attrib[attr]


def read_at_most(path: Path, limit: int) -> bytes | None:
    """Return the bytes of the file at ``path``, or None when it holds more than ``limit`` (never read whole)."""
    if path.stat().st_size > limit:
        return None
    with path.open("rb") as f:
        blob = f.read(limit + 1)
    return None if len(blob) > limit else blob
