#!/usr/bin/env python3
"""Report where calendars/ and a python-holidays draft disagree (calendar drift).

Usage:
    python3 scripts/calendar-drift.py [--calendars DIR] [--baseline FILE] [--write-baseline]

For every calendars/<market>.yaml and every year it lists, drafts that year with
scripts/draft-calendar.py (the installed python-holidays, the same rules) and
compares the days banks close. Each difference is one line:

    KR 2027-05-03 +  the draft closes the day, the calendar does not
    KR 2027-05-03 -  the calendar closes the day, the draft does not

followed by the name on the closing side. Names are not compared: the calendars
use the official names.

The calendars differ from the pinned version's draft on purpose (bank holidays the
library lacks, corrections against the official notices), each difference explained
in its file's comments. Those are listed in the baseline
(scripts/calendar-drift-baseline.txt, written with --write-baseline under the version
scripts/requirements-calendar.txt pins). Only a difference missing from the baseline
is drift: a newer python-holidays closing or opening a day the calendars do not, e.g.
a holiday announced since the calendar was checked. A baseline line that no longer
differs is reported as gone (the library or the calendar changed): remove it.

Exit status: 0 no drift, 1 drift (printed), 2 usage error, missing dependency,
unreadable calendar or baseline.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

SCRIPTS = Path(__file__).resolve().parent
DEFAULT_CALENDARS = SCRIPTS.parent / "calendars"
DEFAULT_BASELINE = SCRIPTS / "calendar-drift-baseline.txt"
USAGE = "usage: calendar-drift.py [--calendars DIR] [--baseline FILE] [--write-baseline]"

# (market, year) -> the draft's closing days and their names.
Draft = Callable[[str, int], dict[dt.date, str]]


class DriftError(Exception):
    """A calendar or baseline that cannot be read: exit 2 with this message."""


@dataclass(frozen=True, order=True)
class Difference:
    market: str
    date: dt.date
    sign: str  # "+" only the draft closes the day, "-" only the calendar does
    name: str = ""

    @property
    def key(self) -> tuple[str, dt.date, str]:
        return (self.market, self.date, self.sign)

    def line(self) -> str:
        return f"{self.market} {self.date.isoformat()} {self.sign} {self.name}".rstrip()


@dataclass(frozen=True)
class Calendar:
    path: Path
    market: str
    years: dict[int, dict[dt.date, str]]


def load_calendar(path: Path) -> Calendar:
    """One calendars/<market>.yaml: its market and, per listed year, the closing days."""
    import yaml  # PyYAML; imported here so --help works without it

    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise DriftError(f"{path}: cannot read the calendar: {error}") from None
    if not isinstance(document, dict) or not isinstance(document.get("market"), str):
        raise DriftError(f"{path}: no `market:` (run `regionc validate` for the details)")
    years_node = document.get("years")
    if not isinstance(years_node, dict):
        raise DriftError(f"{path}: no `years:` mapping (run `regionc validate` for the details)")
    years: dict[int, dict[dt.date, str]] = {}
    for year, entry in years_node.items():
        holidays = entry.get("holidays") if isinstance(entry, dict) else None
        if not isinstance(year, int) or not isinstance(holidays, list):
            raise DriftError(f"{path}: year {year!r} has no `holidays:` list (run `regionc validate`)")
        days: dict[dt.date, str] = {}
        for holiday in holidays:
            date = holiday.get("date") if isinstance(holiday, dict) else None
            if not isinstance(date, dt.date):
                raise DriftError(f"{path}: {year}: a holiday without a valid `date:` (run `regionc validate`)")
            days[date] = str(holiday.get("name", ""))
        years[year] = days
    return Calendar(path, document["market"].upper(), years)


def differences(market: str, calendar: dict[dt.date, str], draft: dict[dt.date, str]) -> list[Difference]:
    """The closing days of one year on which the calendar and the draft disagree."""
    only_draft = [Difference(market, d, "+", draft[d]) for d in draft.keys() - calendar.keys()]
    only_calendar = [Difference(market, d, "-", calendar[d]) for d in calendar.keys() - draft.keys()]
    return sorted(only_draft + only_calendar)


def compare(calendars: list[Calendar], draft: Draft) -> list[Difference]:
    found: list[Difference] = []
    for calendar in calendars:
        for year, days in sorted(calendar.years.items()):
            found += differences(calendar.market, days, draft(calendar.market, year))
    return sorted(found)


def read_baseline(text: str, origin: str) -> set[tuple[str, dt.date, str]]:
    """Baseline lines are `MARKET YYYY-MM-DD +|- [name]`; `#` starts a comment line."""
    keys: set[tuple[str, dt.date, str]] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split(maxsplit=3)
        try:
            if len(fields) < 3 or fields[2] not in ("+", "-"):
                raise ValueError
            keys.add((fields[0], dt.date.fromisoformat(fields[1]), fields[2]))
        except ValueError:
            raise DriftError(f"{origin}:{number}: expected `MARKET YYYY-MM-DD +|- name`, got {raw!r}") from None
    return keys


def format_baseline(found: list[Difference], version: str) -> str:
    header = [
        "# Known differences between calendars/ and the python-holidays draft, each explained",
        "# in its calendar's comments (+ only the draft closes the day, - only the calendar does).",
        f"# Written by scripts/calendar-drift.py --write-baseline with python-holidays {version};",
        "# rewrite it when a calendar changes, remove a line when the library catches up.",
    ]
    return "\n".join(header + [d.line() for d in found]) + "\n"


def report(found: list[Difference], baseline: set[tuple[str, dt.date, str]], version: str,
           baseline_name: str, years: int, markets: int) -> tuple[list[str], int]:
    """The lines to print and the exit status."""
    new = [d for d in found if d.key not in baseline]
    gone = sorted(baseline - {d.key for d in found})
    lines = [f"calendar drift: python-holidays {version} against calendars/ "
             f"({markets} markets, {years} years; {len(found) - len(new)} known differences)"]
    if new:
        lines.append(f"{len(new)} difference(s) not in {baseline_name} (+ only the draft closes the day, "
                     "- only the calendar does):")
        lines += [f"  {d.line()}" for d in new]
        lines.append("Check each against the official notice: fix the calendar (with its source), "
                     "or add the line to the baseline with the reason in the calendar's comments.")
    if gone:
        lines.append(f"{len(gone)} line(s) of {baseline_name} no longer differ (the library or the "
                     "calendar changed): remove them:")
        lines += [f"  {market} {date.isoformat()} {sign}" for market, date, sign in gone]
    if not new and not gone:
        lines.append("no drift")
    return lines, 1 if new else 0


def load_draft() -> tuple[Draft, str]:
    """scripts/draft-calendar.py's closures, with the installed python-holidays version."""
    spec = importlib.util.spec_from_file_location("draft_calendar", SCRIPTS / "draft-calendar.py")
    if spec is None or spec.loader is None:
        raise DriftError("cannot load scripts/draft-calendar.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # exits 2 with a message when python-holidays is missing

    def draft(market: str, year: int) -> dict[dt.date, str]:
        closures, _ = module.closures_and_notes(market, year)
        return dict(closures)

    return draft, module.holidays.__version__


def run(argv: list[str], load: Callable[[], tuple[Draft, str]] = load_draft) -> tuple[list[str], int]:
    """The CLI without its side effects on stdout: (lines to print, exit status)."""
    calendars_dir, baseline_path, write = DEFAULT_CALENDARS, DEFAULT_BASELINE, False
    args = list(argv)
    while args:
        flag = args.pop(0)
        if flag == "--write-baseline":
            write = True
        elif flag in ("--calendars", "--baseline") and args:
            value = Path(args.pop(0))
            if flag == "--calendars":
                calendars_dir = value
            else:
                baseline_path = value
        elif flag in ("-h", "--help"):
            return [(__doc__ or "").strip()], 0
        else:
            return [f"calendar-drift: unexpected argument {flag!r}", USAGE], 2
    try:
        paths = sorted(calendars_dir.glob("*.yaml"))
        if not paths:
            raise DriftError(f"{calendars_dir}: no calendar files (*.yaml)")
        try:
            import yaml  # noqa: F401  (checked before any work)
        except ImportError:
            raise DriftError("missing-dependency: PyYAML (pip install -r scripts/requirements-calendar.txt)") from None
        calendars = [load_calendar(path) for path in paths]
        draft, version = load()
        found = compare(calendars, draft)
        if write:
            baseline_path.write_text(format_baseline(found, version), encoding="utf-8")
            return [f"wrote {len(found)} differences to {baseline_path}"], 0
        try:
            baseline_text = baseline_path.read_text(encoding="utf-8")
        except OSError as error:
            raise DriftError(f"{baseline_path}: cannot read the baseline: {error.strerror}") from None
        baseline = read_baseline(baseline_text, str(baseline_path))
    except DriftError as error:
        return [f"calendar-drift: {error}"], 2
    years = sum(len(c.years) for c in calendars)
    return report(found, baseline, version, baseline_path.name, years, len(calendars))


def main(argv: list[str]) -> int:
    lines, status = run(argv)
    stream = sys.stderr if status == 2 else sys.stdout
    try:
        stream.write("\n".join(lines) + "\n")
        stream.flush()
    except BrokenPipeError:  # e.g. piped into head: not an error of ours
        sys.stderr.close()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
