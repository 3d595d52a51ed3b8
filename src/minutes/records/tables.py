"""Tables: what every register and listing is, and how one is written as Markdown, CSV, JSON or Word."""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from minutes.errors import UsageError
from minutes.model import clock

if TYPE_CHECKING:
    from minutes.document.tree import Document


@dataclass
class Table:
    """A titled table: what every register and listing is."""

    title: str
    columns: list[str]
    rows: list[list[str]]
    notes: list[str] = field(default_factory=list)

    def records(self) -> list[dict[str, str]]:
        """Return the rows as dicts keyed by column."""
        return [dict(zip(self.columns, row)) for row in self.rows]


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown(table: Table) -> str:
    """Return the table as a CommonMark document with a GFM table."""
    lines = [f"# {table.title}", ""]
    if table.rows:
        lines.append("| " + " | ".join(_md_cell(c) for c in table.columns) + " |")
        lines.append("|" + "---|" * len(table.columns))
        lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in table.rows]
    else:
        lines.append("Nothing to list.")
    for note in table.notes:  # each its own paragraph
        lines += ["", f"*{note}*"]
    return "\n".join(lines).rstrip() + "\n"


# A cell a spreadsheet would run as a formula starts with one of these (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Return ``text`` so that no spreadsheet runs it: a leading formula character gets a ``'`` before it."""
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(table: Table) -> str:
    """Return the table as CSV with a header row; cells that would run as formulas are neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([safe_cell(c) for c in table.columns])
    writer.writerows([safe_cell(c) for c in row] for row in table.rows)
    return buffer.getvalue()


def document(table: Table) -> Document:
    """Return the table as a document: its title, a table (or "Nothing to list.") and its notes in italics."""
    from minutes.document.tree import Document, Heading, Metadata, Paragraph, Table as Grid, Text, clean

    def cell(text: str) -> list[Text]:
        text = clean(text.replace("\n", " ")).strip()
        return [Text(text)] if text else []

    blocks: list = [Heading(1, [Text(table.title)])]
    if table.rows:
        blocks.append(Grid([cell(c) for c in table.columns], [[cell(c) for c in row] for row in table.rows]))
    else:
        blocks.append(Paragraph([Text("Nothing to list.")]))
    blocks += [Paragraph([Text(n, italic=True)]) for n in table.notes]
    from minutes.markdown.links import link_urls

    return Document(Metadata(title=table.title, date=clock.today().isoformat()), link_urls(blocks))


def to_docx(table: Table) -> bytes:
    """Return the table as a Word document, through the same writer as every rendered document."""
    from minutes.writers import WRITERS, WriteOptions

    return WRITERS["docx"](document(table), WriteOptions())


def emit(table: Table, fmt: str, out: Path | None) -> None:
    """Write the table in ``fmt`` to the file ``out``, or to stdout when ``out`` is None or ``-``."""
    from minutes.store import atomic as store

    to_stdout = out is None or str(out) == "-"
    if fmt == "docx":
        if out is None or (to_stdout and sys.stdout.isatty()):
            raise UsageError("--format docx needs --out FILE (or --out - with stdout sent to a file or a pipe)")
        data = to_docx(table)
        if to_stdout:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return
        store.write_bytes_atomic(out, data)
        print(out, file=sys.stderr)
        return
    text = {"md": markdown, "csv": to_csv, "json": lambda t: json.dumps(t.records(), ensure_ascii=False, indent=2) + "\n"}[fmt](table)
    if to_stdout:
        sys.stdout.write(text)
    else:
        store.write_atomic(out, text)
        print(out, file=sys.stderr)


def print_table(table: Table) -> None:
    """Print the table: rich on a terminal, tab-separated in a pipe."""
    if not sys.stdout.isatty():
        for row in [table.columns, *table.rows]:
            print("\t".join(row))
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table as RichTable

    rich_table = RichTable(title=table.title, title_justify="left")
    for col in table.columns:
        rich_table.add_column(col)
    for row in table.rows:
        rich_table.add_row(*(escape(c) for c in row))
    Console().print(rich_table)
