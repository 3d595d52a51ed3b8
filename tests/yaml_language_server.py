"""What yaml-language-server makes of a YAML file's modeline: the schema file it loads for the file.

Its rule (yaml-language-server, src/languageservice/services/modelineUtil.ts and yamlSchemaService.ts):
the first comment line matching ``^#\\s+yaml-language-server\\s*:`` names ``$schema=PATH``; a relative
PATH is resolved against the folder of the YAML file (not the editor's working folder).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

MODELINE = re.compile(r"#\s+yaml-language-server\s*:")
SCHEMA = re.compile(r"\$schema(?:=|:\s*)(\S+)")


def schema_path(path: Path) -> Path:
    """Return the schema file the modeline of ``path`` points at, resolved as yaml-language-server does."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") and MODELINE.match(line):
            match = SCHEMA.search(line)
            assert match, f"{path}: the modeline names no $schema: {line!r}"
            target = Path(match.group(1))
            return target if target.is_absolute() else path.parent / target
    raise AssertionError(f"{path}: no yaml-language-server modeline")


def schema(path: Path) -> dict:
    """Return the JSON Schema an editor loads for ``path`` through its modeline."""
    return json.loads(schema_path(path).read_text(encoding="utf-8"))
