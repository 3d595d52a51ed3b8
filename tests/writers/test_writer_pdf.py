"""PDF through LibreOffice: a real conversion where it is installed, a clear message where it is not."""

import shutil
import subprocess

import pytest

from minutes.records import publish as render
from minutes.render.pipeline import RenderOptions
from minutes.store import loader as session
from minutes.errors import MinutesError
from minutes.writers import pdf
from conftest import BOARD

HAVE_SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def test_without_libreoffice_pdf_fails_with_how_to_install(monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    with pytest.raises(MinutesError, match="needs LibreOffice.*apt-get install libreoffice-writer"):
        render.render_file(BOARD, RenderOptions(fmt="pdf"))


@pytest.mark.skipif(not HAVE_SOFFICE, reason="LibreOffice is installed by .ci/run; this machine lacks it")
def test_pdf_is_a_real_pdf_with_the_minutes_text(tmp_path):
    out = render.render_session(session.load(BOARD), BOARD, RenderOptions(fmt="pdf"))
    assert out.name.endswith(".minutes.en.pdf") and out.data.startswith(b"%PDF-")
    target = tmp_path / out.name
    target.write_bytes(out.data)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
        assert "Roof replacement" in text and "Ben Okafor" in text


@pytest.mark.skipif(not (HAVE_SOFFICE and shutil.which("pdfinfo")), reason="needs LibreOffice and pdfinfo (.ci/run installs both)")
def test_a_german_pdf_is_on_a4_paper(tmp_path):
    out = render.render_session(session.load(BOARD), BOARD, RenderOptions(fmt="pdf", lang="de"))
    target = tmp_path / out.name
    target.write_bytes(out.data)
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in next(line for line in info.splitlines() if line.startswith("Page size:"))
