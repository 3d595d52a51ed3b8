"""The fast Markdown reader and markdown-it read the same document, whatever the text holds."""

import random

import pytest

from minutes.markdown import fast as fastmd
from minutes.markdown import reader as markdown
from minutes.document.tree import Document, Image, plain, to_dict
from minutes.markdown.escape import escape

# Markdown's special characters, and the text around them: words, digits, CJK, spaces, URLs.
ATOMS = [
    "\\", "`", "*", "**", "_", "__", "[", "]", "(", ")", "<", ">", "!", "&", "#", "-", "+", "=", "|", "~",
    "0", "1", "12", ".", "1.", "2)", "\n", "\n", " ", " ", "  ", "   ", "ab", "x", "Ana", "会议", "。", "，",
    "![", "](", "&amp;", "&#35;", "---", "***", "> ", "- ", "# ", "<!-- c -->", "<b>", "    ",
    "https://example.org/a_b(c)?d=1&e=2#f", "http://x.org/~u/%20q", "mailto:ana@example.org", "HTTPS://X.ORG",
    "<https://x.org/p_q>", "[t](https://x.org/a_b)", "[t](<u v>)", "https://", "xhttp://a.b",
]
CONTEXTS = ["paragraph", "bullets", "numbers", "heading", "table", "caption", "quote", "subtitle"]


def _string(rng: random.Random) -> str:
    return "".join(rng.choice(ATOMS) for _ in range(rng.randint(1, 10)))


def _place(context: str, texts: list[str]) -> str:
    """Return Markdown that holds ``texts`` in ``context``, as a template would write them."""
    a, b = texts
    one_line = [t.replace("\n", " ") for t in texts]
    if context == "paragraph":
        return a
    if context == "bullets":
        return f"- {a}\n- {b}"
    if context == "numbers":
        return f"3. {a}\n4. {b}"
    if context == "heading":
        return f"## {one_line[0]}"
    if context == "table":
        return f"| A | B |\n|---|---|\n| {one_line[0]} | {one_line[1]} |"
    if context == "caption":
        return f"![{one_line[0]}](<photos/a b.png>)"
    if context == "quote":
        return "> " + a.replace("\n", "\n> ")
    return f"<!-- style: Subtitle -->\n{a}"


def _documents(count: int, seed: int):
    """Yield ``count`` strings' worth of Markdown documents, each string raw or escaped as data."""
    rng = random.Random(seed)
    made = 0
    while made < count:
        texts = [_string(rng), _string(rng)]
        if rng.random() < 0.5:
            texts = [escape(t) for t in texts]
        context = rng.choice(CONTEXTS)
        text = _place(context, texts)
        if rng.random() < 0.3:
            text = f"# Title\n\n{text}\n\nAfter *it*."
        made += 2
        yield text


def test_both_readers_read_ten_thousand_generated_texts_the_same():
    failures, fast = [], 0
    for text in _documents(10_000, seed=20240312):
        blocks = fastmd.parse(text, markdown._inline_text)
        if blocks is None:  # the fast reader deferred: markdown.parse is markdown-it's reading
            continue
        fast += 1
        if to_dict(Document(blocks=blocks)) != to_dict(markdown.parse_tokens(text)):
            failures.append(text)
    assert not failures, f"{len(failures)} disagreements, e.g. {failures[:5]!r}"
    assert fast > 2_000  # most documents were read by the fast reader itself: the comparison is not empty


ROUND_TRIP = {
    "paragraph": "{}", "bullet": "- {}", "number": "1. {}", "heading": "### 1. {}", "cell": "| A |\n|---|\n| {} |",
    "caption": "![{}](<a.png>)", "quote": "> {}",
}


def _read_back(doc) -> str:
    block = doc.blocks[0]
    if isinstance(block, Image):
        return plain(block.caption)
    if hasattr(block, "rows"):
        return plain(block.rows[0][0])
    if hasattr(block, "items"):
        return plain(block.items[0])
    return plain(block.inlines)


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("context", ROUND_TRIP)
def test_escaped_data_text_reads_back_as_itself(context, fast):
    rng = random.Random(sorted(ROUND_TRIP).index(context))
    atoms = [a for a in ATOMS if "\n" not in a]
    for _ in range(600):
        text = " ".join("".join(rng.choice(atoms) for _ in range(rng.randint(1, 4))).split())
        if not text:
            continue
        escaped = escape(text)
        if context == "heading":
            text = "1. " + text
        source = ROUND_TRIP[context].format(escaped)
        doc = markdown.parse(source) if fast else markdown.parse_tokens(source)
        assert _read_back(doc) == text, (context, escaped)
