"""Residents, households and children per wijk and year from CBS kerncijfers (import_areas).

CBS's wijk- en buurtkaart has them in its attribute table: ``AANT_INW`` (residents),
``AANT_HH`` (households) and ``P_00_14_JR`` (percentage aged 0 to 14, CBS's youngest age
group per wijk; there is no 0 to 17).
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.management.base import CommandError

from neighbourhoods.cbs import (
    BATCH_SIZE,
    Tally,
    bad_file,
    check_width,
    gemeente_code,
    read_header,
    read_rows,
    wijk_code,
)
from neighbourhoods.models import Neighbourhood, Population

POPULATION_COLUMNS = ("WK_CODE", "GM_CODE", "AANT_INW")  # AANT_HH and P_00_14_JR if there
# CBS writes an unknown or secret figure as "." (StatLine) or as -99999999 and its
# neighbours -99999997/-99999998 (the wijk- en buurtkaart).
_UNKNOWN = re.compile(r"^(\.|-9999999[0-9])?$")


@dataclass
class PopulationFile:
    rows: int
    # cbs_code -> (residents, households, share aged 0-14), for the chosen municipality
    figures: dict[str, tuple[int, int | None, Decimal | None]]
    unknown: int  # wijken whose number of residents CBS does not give


def cbs_number(path: Path, line: int, column: str, value: str) -> Decimal | None:
    """A CBS figure: None where CBS says unknown; refuses anything else that is no number.

    Accepts a decimal comma ("23,5") as Excel writes it in Dutch.
    """
    value = value.strip()
    if _UNKNOWN.match(value):
        return None
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or number < 0:
        raise bad_file(path, line, f"{column} {value!r} is not a number of 0 or more")
    return number


def parse_population(path: Path, encoding: str, gemeente: str) -> PopulationFile:
    rows = read_rows(path, encoding)
    line, header = read_header(path, rows)
    index = {name.upper(): i for i, name in enumerate(header)}
    missing = [column for column in POPULATION_COLUMNS if column not in index]
    if missing:
        raise bad_file(path, line, f"missing column {', '.join(missing)}")
    figures: dict[str, tuple[int, int | None, Decimal | None]] = {}
    count = unknown = 0
    for line, values in rows:
        count += 1
        check_width(path, line, values, len(header))
        if gemeente_code(values[index["GM_CODE"]]) != gemeente:
            continue
        code = wijk_code(values[index["WK_CODE"]])
        if code is None:
            raise bad_file(path, line, f"malformed wijk code {values[index['WK_CODE']]!r}")
        if code in figures:
            raise bad_file(path, line, f"wijk {code} appears twice")
        number = {
            column: cbs_number(path, line, column, values[index[column]])
            if column in index
            else None
            for column in ("AANT_INW", "AANT_HH", "P_00_14_JR")
        }
        if number["AANT_INW"] is None:
            unknown += 1
            continue
        share = number["P_00_14_JR"]
        if share is not None and share > 100:
            raise bad_file(path, line, f"P_00_14_JR {share} is more than 100 percent")
        figures[code] = (
            int(number["AANT_INW"]),
            None if number["AANT_HH"] is None else int(number["AANT_HH"]),
            None if share is None else (share / 100).quantize(Decimal("0.001")),
        )
    if not figures and not unknown:
        raise CommandError(f"{path}: no wijken of {gemeente} in the file")
    return PopulationFile(rows=count, figures=figures, unknown=unknown)


def save_population(
    figures: dict[str, tuple[int, int | None, Decimal | None]], year: int, sample: bool
) -> tuple[Tally, list[str]]:
    """One ``Population`` per wijk for the year; returns the tally and the unknown wijken."""
    wijk_ids = dict(
        Neighbourhood.objects.filter(cbs_code__in=figures).values_list("cbs_code", "id")
    )
    existing = {
        row.neighbourhood_id: row
        for row in Population.objects.filter(year=year, neighbourhood_id__in=wijk_ids.values())
    }
    new, changed, tally = [], [], Tally()
    for code, (residents, households, share) in figures.items():
        if code not in wijk_ids:
            continue
        values = {
            "residents": residents,
            "households": households,
            "share_children": share,
            "is_sample": sample,
        }
        row = existing.get(wijk_ids[code])
        if row is None:
            new.append(Population(neighbourhood_id=wijk_ids[code], year=year, **values))
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            changed.append(row)
        else:
            tally.unchanged += 1
    Population.objects.bulk_create(new, batch_size=BATCH_SIZE)
    Population.objects.bulk_update(
        changed, ["residents", "households", "share_children", "is_sample"], batch_size=BATCH_SIZE
    )
    tally.created, tally.changed = len(new), len(changed)
    return tally, sorted(set(figures) - set(wijk_ids))
