"""Import a municipality's wijken and their postcodes from CBS open data.

Wijken come from the attribute table of the CBS "wijk- en buurtkaart" (WK_CODE;WK_NAAM;GM_CODE),
postcodes from the CBS "postcode-huisnummer" file (PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024),
both saved as ';'-separated CSV; residents, households and the share aged 0 to 14 per wijk and
year from the same attribute table or the CBS kerncijfers in its layout (AANT_INW, AANT_HH,
P_00_14_JR; ``--population``). A PC6 whose house numbers lie in more than one wijk goes to
the wijk with the most; where the file gives house numbers, their ranges per wijk are kept
too (``HouseNumberRange``), so that one address finds its own wijk.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import batched
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

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
from neighbourhoods.models import (
    HouseNumberRange,
    Neighbourhood,
    PostcodeArea,
    normalise_postcode,
)
from neighbourhoods.population import parse_population, save_population

# CBS publishes UTF-8, but a file opened and saved again in Excel on Windows comes back as
# cp1252; latin-1 decodes any byte at all, so it is the last resort.
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
PROGRESS_EVERY = 500_000
NAME_LENGTH = Neighbourhood._meta.get_field("name").max_length
SLUG_LENGTH = Neighbourhood._meta.get_field("slug").max_length
FIRST_YEAR, LAST_YEAR = 2000, 2100  # the range the database accepts for cbs_year

WIJK_COLUMNS = ("WK_CODE", "WK_NAAM", "GM_CODE")
# The postcode file names its columns after the year of the division: "Wijk2024".
_YEAR_COLUMN = re.compile(r"^(wijk|gemeente)([0-9]{4})?$", re.IGNORECASE)


@dataclass
class WijkFile:
    rows: int
    names: dict[str, str]  # cbs_code -> name, for the chosen municipality only


@dataclass
class PostcodeFile:
    rows: int
    kept: int
    year: int | None
    wijk_by_postcode: dict[str, str]  # PC6 -> cbs_code
    ambiguous: int  # PC6s whose house numbers lie in more than one wijk
    # For those PC6s, where the file gives house numbers: (PC6, first, last, cbs_code).
    ranges: list[tuple[str, int, int, str]]


def row_count(count: int) -> str:
    return f"{count:,} row" if count == 1 else f"{count:,} rows"


def parse_wijken(path: Path, encoding: str, gemeente: str) -> WijkFile:
    rows = read_rows(path, encoding)
    line, header = read_header(path, rows)
    index = {name.upper(): i for i, name in enumerate(header)}
    missing = [column for column in WIJK_COLUMNS if column not in index]
    if missing:
        raise bad_file(path, line, f"missing column {', '.join(missing)}")
    code_at, name_at, gemeente_at = (index[column] for column in WIJK_COLUMNS)

    names: dict[str, str] = {}
    lines: dict[str, int] = {}
    count = 0
    for line, values in rows:
        count += 1
        check_width(path, line, values, len(header))
        row_gemeente = gemeente_code(values[gemeente_at])
        if row_gemeente is None:
            raise bad_file(path, line, f"malformed municipality code {values[gemeente_at]!r}")
        if row_gemeente != gemeente:
            continue
        code = wijk_code(values[code_at])
        if code is None:
            raise bad_file(path, line, f"malformed wijk code {values[code_at]!r}")
        # A wijk code starts with its municipality's number; a mismatch means shifted columns.
        if code[2:6] != gemeente[2:]:
            raise bad_file(path, line, f"wijk {code} does not belong to {gemeente}")
        if code in names:
            raise bad_file(path, line, f"wijk {code} appears twice (also on line {lines[code]})")
        name = " ".join(values[name_at].split())
        if not name:
            raise bad_file(path, line, f"empty name for wijk {code}")
        if len(name) > NAME_LENGTH:
            raise bad_file(path, line, f"name of wijk {code} is longer than {NAME_LENGTH}")
        names[code], lines[code] = name, line
    if not names:
        raise CommandError(f"{path}: no wijken of {gemeente} in the file")
    return WijkFile(rows=count, names=names)


def parse_postcodes(
    path: Path, encoding: str, gemeente: str, progress: Callable[[int, int], None]
) -> PostcodeFile:
    """Keep only the chosen municipality's rows; the national file is far too big to hold."""
    rows = read_rows(path, encoding)
    line, header = read_header(path, rows)
    index: dict[str, int] = {}
    years: dict[str, int | None] = {}
    for i, name in enumerate(header):
        if match := _YEAR_COLUMN.match(name):
            kind = match[1].lower()
            if kind in index:
                raise bad_file(path, line, f"more than one {kind} column ({name})")
            index[kind], years[kind] = i, int(match[2]) if match[2] else None
        elif name.upper() == "PC6":
            index["pc6"] = i
        elif name.lower() == "huisnummer":
            index["number"] = i
    labels = {"pc6": "PC6", "wijk": "Wijk<year>", "gemeente": "Gemeente<year>"}
    missing = [label for kind, label in labels.items() if kind not in index]
    if missing:
        raise bad_file(path, line, f"missing column {', '.join(missing)}")
    year = years["wijk"]
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        raise bad_file(path, line, f"year {year} in {header[index['wijk']]} is out of range")
    postcode_at, wijk_at, gemeente_at = index["pc6"], index["wijk"], index["gemeente"]
    number_at = index.get("number")

    # One row per house number: count them per wijk to settle a PC6 that spans two wijken,
    # and keep the numbers, for the ranges of such PC6s.
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    numbers: defaultdict[str, list[tuple[int, str]]] = defaultdict(list)
    count = kept = 0
    for line, values in rows:
        count += 1
        check_width(path, line, values, len(header))
        row_gemeente = gemeente_code(values[gemeente_at])
        if row_gemeente is None:
            raise bad_file(path, line, f"malformed municipality code {values[gemeente_at]!r}")
        if row_gemeente == gemeente:
            kept += 1
            postcode = normalise_postcode(values[postcode_at])
            if postcode is None or len(postcode) != 6:
                raise bad_file(path, line, f"malformed PC6 {values[postcode_at]!r}")
            code = wijk_code(values[wijk_at])
            if code is None:
                raise bad_file(path, line, f"malformed wijk code {values[wijk_at]!r}")
            counts[postcode][code] += 1
            if number_at is not None and values[number_at].strip().isdigit():
                numbers[postcode].append((int(values[number_at]), code))
        if count % PROGRESS_EVERY == 0:
            progress(count, kept)
    if not kept:
        raise CommandError(f"{path}: no postcodes of {gemeente} in the file")

    return PostcodeFile(
        rows=count,
        kept=kept,
        year=year,
        # Most house numbers wins; on a tie the lowest code, so that reruns agree.
        wijk_by_postcode={
            postcode: min(wijken, key=lambda code: (-wijken[code], code))
            for postcode, wijken in counts.items()
        },
        ambiguous=sum(1 for wijken in counts.values() if len(wijken) > 1),
        ranges=[
            (postcode, first, last, code)
            for postcode, wijken in counts.items()
            if len(wijken) > 1
            for first, last, code in number_ranges(numbers[postcode])
        ],
    )


def number_ranges(numbers: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """Runs of consecutive house numbers (in the file's sense) in one wijk: (first, last, code).

    A number between two runs that the file does not list belongs to neither; the PC6's
    wijk answers for it.
    """
    ranges: list[tuple[int, int, str]] = []
    for number, code in sorted(set(numbers)):
        if ranges and ranges[-1][2] == code:
            ranges[-1] = (ranges[-1][0], number, code)
        else:
            ranges.append((number, number, code))
    return ranges


def unique_slug(name: str, code: str, taken: set[str]) -> str:
    base = slugify(name)[:SLUG_LENGTH].strip("-") or code.lower()
    slug, number = base, 1
    while slug in taken:
        number += 1
        suffix = f"-{number}"
        slug = base[: SLUG_LENGTH - len(suffix)].rstrip("-") + suffix
    taken.add(slug)
    return slug


def save_wijken(names: dict[str, str], year: int | None) -> Tally:
    """Create or rename the wijken, matched by CBS code; a slug, once given, stays."""
    tally = Tally()
    existing = {wijk.cbs_code: wijk for wijk in Neighbourhood.objects.filter(cbs_code__in=names)}
    taken = set(Neighbourhood.objects.values_list("slug", flat=True))
    new, changed = [], []
    for code, name in names.items():
        wijk = existing.get(code)
        if wijk is None:
            slug = unique_slug(name, code, taken)
            new.append(Neighbourhood(name=name, slug=slug, cbs_code=code, cbs_year=year))
        elif wijk.name != name or (year is not None and wijk.cbs_year != year):
            wijk.name = name
            wijk.cbs_year = year if year is not None else wijk.cbs_year
            changed.append(wijk)
        else:
            tally.unchanged += 1
    Neighbourhood.objects.bulk_create(new, batch_size=BATCH_SIZE)
    Neighbourhood.objects.bulk_update(changed, ["name", "cbs_year"], batch_size=BATCH_SIZE)
    tally.created, tally.changed = len(new), len(changed)
    return tally


def save_ranges(ranges: list[tuple[str, int, int, str]], postcodes: Iterable[str]) -> int:
    """Replace the house-number ranges of the file's PC6s; returns how many were saved."""
    wijk_ids = dict(
        Neighbourhood.objects.filter(cbs_code__in={code for *_, code in ranges}).values_list(
            "cbs_code", "id"
        )
    )
    for batch in batched(sorted(postcodes), BATCH_SIZE, strict=False):
        HouseNumberRange.objects.filter(postcode__in=batch).delete()
    new = [
        HouseNumberRange(postcode=postcode, first=first, last=last, neighbourhood_id=wijk_ids[code])
        for postcode, first, last, code in ranges
        if code in wijk_ids
    ]
    HouseNumberRange.objects.bulk_create(new, batch_size=BATCH_SIZE)
    return len(new)


def save_postcodes(wijk_by_postcode: dict[str, str]) -> tuple[Tally, dict[str, int]]:
    """Point each PC6 at its wijk. Returns the tally and, per unknown wijk, its skipped PC6s."""
    wijk_ids = dict(
        Neighbourhood.objects.filter(cbs_code__in=set(wijk_by_postcode.values())).values_list(
            "cbs_code", "id"
        )
    )
    wanted: dict[str, int] = {}
    unknown: Counter[str] = Counter()
    for postcode, code in wijk_by_postcode.items():
        if code in wijk_ids:
            wanted[postcode] = wijk_ids[code]
        else:
            unknown[code] += 1

    existing: dict[str, PostcodeArea] = {}
    for postcodes in batched(sorted(wanted), BATCH_SIZE, strict=False):
        existing.update(
            (area.postcode, area) for area in PostcodeArea.objects.filter(postcode__in=postcodes)
        )
    new = [
        PostcodeArea(postcode=postcode, neighbourhood_id=wijk_id)
        for postcode, wijk_id in wanted.items()
        if postcode not in existing
    ]
    changed = []
    for postcode, area in existing.items():
        if area.neighbourhood_id != wanted[postcode]:
            area.neighbourhood_id = wanted[postcode]
            changed.append(area)
    PostcodeArea.objects.bulk_create(new, batch_size=BATCH_SIZE)
    PostcodeArea.objects.bulk_update(changed, ["neighbourhood"], batch_size=BATCH_SIZE)
    tally = Tally(len(new), len(changed), len(existing) - len(changed))
    return tally, dict(sorted(unknown.items()))


class Command(BaseCommand):
    help = "Import a municipality's wijken and their postcodes (PC6) from CBS files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--gemeente",
            required=True,
            help="The municipality whose rows to import: GM0479, 0479 or 479.",
        )
        parser.add_argument(
            "--wijken",
            metavar="FILE",
            help="Attribute table of the CBS wijk- en buurtkaart (WK_CODE;WK_NAAM;GM_CODE).",
        )
        parser.add_argument(
            "--postcodes",
            metavar="FILE",
            help="CBS postcode-huisnummer file (PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024). "
            "Postcodes of wijken that are not in the database are skipped.",
        )
        parser.add_argument(
            "--population",
            metavar="FILE",
            help="CBS kerncijfers per wijk (WK_CODE;GM_CODE;AANT_INW, and AANT_HH and "
            "P_00_14_JR where present), as in the wijk- en buurtkaart's attribute table, "
            "for the year of --year. Wijken that are not in the database are skipped.",
        )
        parser.add_argument(
            "--boundaries",
            metavar="FILE",
            help="GeoJSON of the wijk- en buurtkaart (RD New or WGS84), for the map: wijken "
            "matched by WK_CODE/statcode, else by name (maps app).",
        )
        parser.add_argument(
            "--tolerance",
            type=float,
            default=10.0,
            metavar="METRES",
            help="How far a simplified boundary may stray from the file's (default 10).",
        )
        parser.add_argument(
            "--year",
            type=int,
            help="The CBS year of the wijken in --wijken and of --population; "
            "by default the year in the postcode file's header.",
        )
        parser.add_argument(
            "--sample",
            action="store_true",
            help="The population figures are sample figures in CBS's format, not CBS's own "
            "(the demo): the pages say so.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        gemeente = gemeente_code(str(options["gemeente"]))
        if gemeente is None:
            raise CommandError(f"--gemeente {options['gemeente']!r} is not like GM0479.")
        if not any(options[name] for name in ("wijken", "postcodes", "population", "boundaries")):
            raise CommandError(
                "Give --wijken FILE, --postcodes FILE, --population FILE, "
                "--boundaries FILE or more."
            )
        if not 0 <= options["tolerance"] <= 1000:
            raise CommandError("--tolerance must be between 0 and 1000 metres.")
        year = options["year"]
        if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
            raise CommandError(f"--year {year} is not between {FIRST_YEAR} and {LAST_YEAR}.")

        # Read both files completely before writing anything, so that a bad line anywhere
        # leaves the database as it was.
        wijken = postcodes = None
        if options["wijken"]:
            wijken_path = Path(options["wijken"])
            wijken = self.parse(
                wijken_path, lambda encoding: parse_wijken(wijken_path, encoding, gemeente)
            )
            self.stdout.write(
                f"{wijken_path}: {row_count(wijken.rows)} read, "
                f"{len(wijken.names):,} of {gemeente}."
            )
        if options["postcodes"]:
            postcodes_path = Path(options["postcodes"])

            def progress(rows: int, kept: int) -> None:
                self.stderr.write(f"{postcodes_path}: {rows:,} rows read, {kept:,} kept")

            postcodes = self.parse(
                postcodes_path,
                lambda encoding: parse_postcodes(postcodes_path, encoding, gemeente, progress),
            )
            self.stdout.write(
                f"{postcodes_path}: {row_count(postcodes.rows)} read, "
                f"{postcodes.kept:,} of {gemeente}; "
                f"CBS year {postcodes.year or 'not in the header'}."
            )
        if year is None and postcodes is not None:
            year = postcodes.year
        population = None
        if options["population"]:
            if year is None:
                raise CommandError("Give --year: the CBS year of the --population figures.")
            population_path = Path(options["population"])
            population = self.parse(
                population_path,
                lambda encoding: parse_population(population_path, encoding, gemeente),
            )
            self.stdout.write(
                f"{population_path}: {row_count(population.rows)} read, "
                f"{len(population.figures):,} wijken of {gemeente} with residents "
                f"({population.unknown:,} unknown); year {year}."
            )

        with transaction.atomic():
            wijk_tally = save_wijken(wijken.names, year) if wijken else None
            # After the wijken: a new municipality's file can bring its wijken and their map.
            self.boundaries(options, gemeente)
            postcode_tally, unknown = (
                save_postcodes(postcodes.wijk_by_postcode) if postcodes else (None, {})
            )
            ranges = save_ranges(postcodes.ranges, postcodes.wijk_by_postcode) if postcodes else 0
            population_tally, not_here = (
                save_population(population.figures, year, options["sample"])
                if population
                else (None, [])
            )

        if wijk_tally is not None:
            self.stdout.write(f"Wijken: {wijk_tally}.")
        if postcode_tally is not None:
            self.stdout.write(f"Postcodes: {postcode_tally}.")
        if postcodes is not None and postcodes.ambiguous:
            self.stdout.write(
                "Postcodes with house numbers in more than one wijk, given to the wijk "
                f"with the most: {postcodes.ambiguous:,}; their house-number ranges: "
                f"{ranges:,}."
            )
        if population_tally is not None:
            sample = " (sample figures)" if options["sample"] else ""
            self.stdout.write(f"Population {year}{sample}: {population_tally}.")
        if not_here:
            self.stdout.write(
                f"Population skipped, the wijk is not in the database: {', '.join(not_here)}."
            )
        if unknown:
            skipped = ", ".join(f"{code} ({count:,})" for code, count in unknown.items())
            self.stdout.write(f"Postcodes skipped, their wijk is not in the database: {skipped}.")

    def boundaries(self, options: dict, gemeente: str) -> None:
        """The map's wijk boundaries (the maps app), inside the import's transaction."""
        if not options["boundaries"]:
            return None
        from maps.boundaries import read_boundaries, save_boundaries  # maps uses this module

        path = Path(options["boundaries"])
        found = read_boundaries(path, gemeente, options["tolerance"])
        created, changed = save_boundaries(found.outlines, timezone.now())
        self.stdout.write(
            f"{path}: {found.features:,} features in {found.projection}, "
            f"{found.other_municipality:,} of other municipalities. "
            f"Boundaries: {created:,} created, {changed:,} replaced."
        )
        tiny = [one.wijk.name for one in found.outlines if one.as_bbox]
        if tiny:
            self.stdout.write(
                f"Smaller than the tolerance, kept as a rectangle: {', '.join(tiny)}."
            )
        if found.unmatched:
            self.stdout.write(
                f"Features of {gemeente} that match no wijk, skipped: {', '.join(found.unmatched)}."
            )
        return None

    def parse[T](self, path: Path, parse: Callable[[str], T]) -> T:
        """Run parse with the first encoding that decodes the whole file."""
        for encoding in ENCODINGS[:-1]:
            try:
                return parse(encoding)
            except UnicodeDecodeError:
                self.stderr.write(f"{path} is not {encoding}; reading it again.")
        return parse(ENCODINGS[-1])
