"""What each shell needs from `minutes`: its command line split, completed names it reads back as one word, and completion installed.

A command line is split as click splits it (``split``). A completed name is put back on the command line as it stands, so it must be quoted for that
shell: bash inserts the words its completion function prints as they are (``bash_word``), and zsh
evaluates Typer's ``_arguments '*: :(("value":"help"))'`` twice before it adds the value, quoted,
to the line (``zsh_item``). ``install`` makes a shell named after ``--install-completion`` or
``--show-completion`` win over the shell Typer detects (which is the one running `minutes`).
"""

import re
import shlex
import sys
import unicodedata
from typing import Any

from minutes.cli import declared

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")  # as Typer knows them
_BASH_PLAIN = frozenset("-_./,+%")
_DOUBLE_QUOTED = re.compile(r'([\\"$`])')  # special inside double quotes
_ZSH_QUOTED = re.compile(r'([\\"$`:])')  # special inside the double quotes zsh reads each entry in
_ZSH_SPLIT = re.compile(r"[\t\n]| {2,}")  # what zsh's word splitting of $(...) would not give back


def bash_word(name: str, quote: str = "") -> str:
    """Return ``name`` as bash reads it back as one word, backslash-escaped or inside the ``quote`` the user opened."""
    if quote == "'":
        return name.replace("'", "'\\''")
    if quote == '"':
        return _DOUBLE_QUOTED.sub(r"\\\1", name)
    return "".join(c if c.isalnum() or c in _BASH_PLAIN or unicodedata.category(c)[0] == "M" else "\\" + c for c in name)


def split(text: str) -> list[str]:
    """Return the words of a shell command line, the last one possibly an unclosed quote (as click splits)."""
    return _split(text)[0]


def _split(text: str) -> tuple[list[str], str]:
    """Return the words of a shell command line, and the quote the last one leaves open ("" if none)."""
    lex = shlex.shlex(text, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    words: list[str] = []
    try:
        words.extend(lex)
    except ValueError:  # an unclosed quote: the word typed so far
        words.append(lex.token)
        return words, lex.state if lex.state in ("'", '"') else ""
    return words, ""


def for_shell(env: dict, found: list[str]) -> list[str]:
    """Return the names ``found`` as the shell asking prints them: quoted for bash (zsh's are quoted as printed)."""
    if env.get("_MINUTES_COMPLETE") != "complete_bash":
        return found
    words, quote = _split(env.get("COMP_WORDS", ""))
    if env.get("COMP_CWORD") != str(len(words) - 1):
        quote = ""  # the quote is open in a later word than the one completed
    return [bash_word(name, quote) for name in found]


def zsh_item(value: str, help: str = "") -> str:
    """Return one entry of the list in ``_arguments '*: :((...))'``: zsh offers exactly ``value`` (and ``help``)."""
    entry = '"%s"' % _ZSH_QUOTED.sub(r"\\\1", value)
    if help:
        entry += ':"%s"' % _ZSH_QUOTED.sub(r"\\\1", help)
    return _zsh_spaces(entry.replace("'", "'\\''"), "'")  # the whole list is inside single quotes


def zsh_word(text: str) -> str:
    """Return ``text`` as one word of a command zsh evaluates."""
    return _zsh_spaces('"%s"' % _DOUBLE_QUOTED.sub(r"\\\1", text), '"')


def _zsh_spaces(quoted: str, quote: str) -> str:
    """Return ``quoted`` with the blanks zsh's splitting of ``$(...)`` would lose spelled out of ``quote``."""
    return _ZSH_SPLIT.sub(lambda m: quote + "$'" + "".join(f"\\x{ord(c):02x}" for c in m.group()) + "'" + quote, quoted)


def zsh_answer(incomplete: str, items: list[tuple[str, str]]) -> str:
    """Return the command zsh evaluates to offer ``items`` (value, help) for the word ``incomplete``.

    Values with help (commands, options) go in Typer's ``_arguments`` list, from which zsh keeps
    those that start with the word as typed. Values without (names) are added with ``compadd -U``,
    which replaces the word (after ``--option=``, the part after the ``=``): ``jiz`` -> ``Li Jizheng``,
    ``francois`` -> ``François``, and a name with a colon, which ``_arguments`` cuts short.
    """
    if not items:
        return "_files"
    if any(help for _, help in items):
        return "_arguments '*: :((%s))'" % "\n".join(zsh_item(value, help) for value, help in items)
    option, equals, _ = incomplete.partition("=") if incomplete.startswith("-") else ("", "", "")
    prefix = f"-P {zsh_word(option + equals)} " if equals else ""
    return f"compadd -U {prefix}-- " + " ".join(zsh_word(value) for value, _ in items)


def mend_typer() -> None:
    """Make Typer's completion of names answer as the front's does (``minutes.cli.completion``).

    Typer keeps only the values of an ``autocompletion`` function (here only ``complete_names``) that
    start with the word typed, which drops ``francois`` -> ``François`` and every quoted name; and
    its zsh answer loses an apostrophe or a double quote.
    """
    from typer import _completion_classes as classes
    from typer import core
    from typer._click.shell_completion import CompletionItem

    def complete(self: Any) -> str:
        args, incomplete = self.get_completion_args()
        items = self.get_completions(args, incomplete)
        return zsh_answer(incomplete, [(i.value, classes._sanitize_help_text(i.help) if i.help else "") for i in items])

    def unfiltered(param: Any, *, autocompletion: Any = None) -> None:  # the values are chosen by the function alone
        if autocompletion is not None:
            param._custom_shell_complete = lambda ctx, _, word: [CompletionItem(v) for v in autocompletion(ctx, [], word)]

    classes.ZshComplete.complete = complete
    core._typer_param_setup_autocompletion_compat = unfiltered


def install(argv: list[str]) -> bool:
    """Install or show the completion of the shell named in ``argv`` and return True; False if none is named."""
    for i, word in enumerate(argv):
        option, _, shell = word.partition("=")
        if option not in ("--install-completion", "--show-completion"):
            if word.startswith("-"):
                continue
            return False  # a command word: the options are its own
        shell = shell or (argv[i + 1] if i + 1 < len(argv) and not argv[i + 1].startswith("-") else "")
        if not shell or shell in declared.COMMANDS:
            return False  # no shell named: Typer detects the one running
        if shell not in SHELLS:
            print(f"minutes: error: {option}: unknown shell {shell!r} (choose {', '.join(SHELLS)})", file=sys.stderr)
            raise SystemExit(2)
        import typer
        from typer import _completion_shared as shared

        if option == "--show-completion":
            typer.echo(shared.get_completion_script(prog_name="minutes", complete_var="_MINUTES_COMPLETE", shell=shell))
        else:
            shell, path = shared.install(shell=shell, prog_name="minutes")
            typer.secho(f"{shell} completion installed in {path}", fg="green")  # as Typer says it
            typer.echo("Completion will take effect once you restart the terminal")
        return True
    return False
