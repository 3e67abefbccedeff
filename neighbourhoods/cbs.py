"""Reading CBS's ';'-separated files: codes, rows, headers and the errors that name a line.

Shared by ``import_areas`` and ``neighbourhoods.population``.
"""

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.management.base import CommandError

# Also keeps each `postcode__in` well below SQLite's limit on query parameters.
BATCH_SIZE = 1000

# CBS writes "WK047901" in the map but 47901 in the postcode file.
_WIJK_CODE = re.compile(r"^(?:WK([0-9]{6})|([0-9]{1,6}))$", re.IGNORECASE)
_GEMEENTE_CODE = re.compile(r"^(?:GM([0-9]{4})|([0-9]{1,4}))$", re.IGNORECASE)


# Cached because the postcode file calls these once per row, nine million times, with only a
# few thousand distinct values.
@cache
def wijk_code(value: str) -> str | None:
    """The wijk code as "WK047901" from that, "047901" or "47901"; None if malformed."""
    match = _WIJK_CODE.match(value.strip())
    return "WK" + (match[1] or match[2].zfill(6)) if match else None


@cache
def gemeente_code(value: str) -> str | None:
    """The municipality code as "GM0479" from that, "0479" or "479"; None if malformed."""
    match = _GEMEENTE_CODE.match(value.strip())
    return "GM" + (match[1] or match[2].zfill(4)) if match else None


@dataclass
class Tally:
    created: int = 0
    changed: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return f"{self.created:,} created, {self.changed:,} changed, {self.unchanged:,} unchanged"


def bad_file(path: Path, line: int, reason: str) -> CommandError:
    return CommandError(f"{path}, line {line}: {reason}")


def read_rows(path: Path, encoding: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, values) for each row that is not blank, the header first."""
    try:
        file = path.open(encoding=encoding, newline="")
    except OSError as error:
        raise CommandError(f"{path}: cannot read the file: {error.strerror or error}") from error
    with file:
        reader = csv.reader(file, delimiter=";")
        try:
            for values in reader:
                if "".join(values).strip():
                    yield reader.line_num, values
        except csv.Error as error:
            raise bad_file(path, reader.line_num, f"not a readable CSV file ({error})") from error


def read_header(path: Path, rows: Iterator[tuple[int, list[str]]]) -> tuple[int, list[str]]:
    first = next(rows, None)
    if first is None:
        raise bad_file(path, 1, "the file is empty")
    line, header = first
    if len(header) == 1:
        raise bad_file(path, line, "no ';' in the header; the columns must be separated by ';'")
    return line, [name.strip() for name in header]


def check_width(path: Path, line: int, values: list[str], width: int) -> None:
    if len(values) < width:
        raise bad_file(path, line, f"{len(values)} values where the header has {width} columns")
