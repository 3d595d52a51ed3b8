"""Bare URLs made links after reading: only in plain text runs, never in code or an existing link."""

from minutes.document.tree import Paragraph, Text
from minutes.markdown.links import link_urls, linked


def test_a_bare_url_is_split_out_as_a_link_to_itself():
    runs = linked([Text("See HTTPS://Example.org/a and mailto:ana@example.org.", bold=True)])
    assert [(r.text, r.href, r.bold) for r in runs] == [
        ("See ", None, True), ("HTTPS://Example.org/a", "HTTPS://Example.org/a", True), (" and ", None, True),
        ("mailto:ana@example.org", "mailto:ana@example.org", True), (".", None, True)]


def test_code_and_links_are_left_as_they_are():
    runs = [Text("https://example.org/c", code=True), Text("https://example.org/l", href="https://example.org/x")]
    assert linked(runs) is runs
    blocks = link_urls([Paragraph([Text("no address here: 18:30")])])
    assert blocks[0].inlines == [Text("no address here: 18:30")]
