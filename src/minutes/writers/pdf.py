"""PDF writer: the Word output converted by LibreOffice, where it is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from minutes.document.tree import Document
from minutes.errors import MinutesError
from minutes.writers import WriteOptions

TIMEOUT = float(os.environ.get("MINUTES_SOFFICE_TIMEOUT", "180"))


def soffice() -> str:
    """Return the LibreOffice program, or raise an error that says how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise MinutesError(
            "--format pdf needs LibreOffice, which is not installed; install it "
            "(Debian/Ubuntu: apt-get install libreoffice-writer; macOS: brew install --cask libreoffice) "
            "or render --format docx and print that to PDF"
        )
    return found


def write(doc: Document, options: WriteOptions) -> bytes:
    """Return the document as PDF: written as .docx, then converted with soffice --headless."""
    from minutes.writers import WRITERS

    program = soffice()
    docx = WRITERS["docx"](doc, options)
    with tempfile.TemporaryDirectory(prefix="minutes-pdf-") as tmp:
        source = Path(tmp) / "document.docx"
        source.write_bytes(docx)
        profile = Path(tmp) / "profile"  # a private profile: parallel conversions do not collide
        command = [
            program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
            "--outdir", tmp, str(source),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise MinutesError(f"LibreOffice did not finish the PDF within {TIMEOUT:.0f} s") from None
        target = Path(tmp) / "document.pdf"
        if done.returncode != 0 or not target.is_file():
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise MinutesError(f"LibreOffice could not convert to PDF: {detail[-1] if detail else 'no output'}")
        return target.read_bytes()
