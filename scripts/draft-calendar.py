#!/usr/bin/env python3
"""Draft one year of a banking calendar (calendars/<market>.yaml) for review.

Usage:
    python3 scripts/draft-calendar.py MARKET YEAR [--header]

Prints a `years:` entry (indented to paste under `years:`) with the holidays
that python-holidays (pinned in scripts/requirements-calendar.txt) computes for
MARKET and YEAR. With --header it first prints the file header (modeline,
market, name, timezone, weekend, through) for a new file.

This is a drafting tool, not a source. The committed data is what the official
notice says: check every line against it, fill in `source:`, replace the
library's names with the notice's, and note each correction in a comment.

What the draft does per market:
  US  federal holidays (python-holidays US, category public, no observed days),
      then the Federal Reserve rule: a holiday on Saturday leaves the Fed open
      on the Friday before (nothing listed, a comment says so); a holiday on
      Sunday closes the Fed on the Monday after (the Monday is listed).
  HK  general holidays (category "optional" in python-holidays is Hong Kong's
      general holidays, i.e. bank holidays; "public" is the statutory list).
  MY  Wilayah Persekutuan Kuala Lumpur (subdivision 14), category public.
  ID  categories public and government: the government category holds the
      collective leave days (cuti bersama) the SKB decree adds.
  IN  Maharashtra (subdivision MH, the Mumbai banks), category public; the
      2nd and 4th Saturdays (bank holidays in India) are added by the script.
  BD  Friday-Saturday weekend.
  other markets: the categories public and bank where the library has them.

Dates the library itself marks "(estimated)" (lunar or Islamic dates it has no
official list for) are printed with `estimated: true`. A holiday falling on a
weekend day is printed as a comment: it closes no bank, but the reviewer should
see it to check that its substitute day (if the market has one) is listed.

Exit status: 0 printed, 2 usage error or a market the library does not know.
"""

from __future__ import annotations

import datetime as dt
import sys

try:
    import holidays
except ImportError:  # pragma: no cover - depends on the environment
    sys.stderr.write(
        "missing-dependency: python-holidays "
        "(pip install -r scripts/requirements-calendar.txt)\n"
    )
    sys.exit(2)

DAY = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# market: (name, timezone, categories, subdivision)
MARKETS: dict[str, tuple[str, str, tuple[str, ...], str | None]] = {
    "US": ("Federal Reserve (Fedwire, FedACH)", "America/New_York", ("public",), None),
    "HK": ("Hong Kong banks (general holidays)", "Asia/Hong_Kong", ("optional",), None),
    "KR": ("Korean banks", "Asia/Seoul", ("public", "bank"), None),
    "TH": ("Thai financial institutions (Bank of Thailand)", "Asia/Bangkok", ("public", "bank"), None),
    "MY": ("Malaysian banks, Kuala Lumpur", "Asia/Kuala_Lumpur", ("public",), "14"),
    "ID": ("Indonesian banks (SKB holidays and cuti bersama)", "Asia/Jakarta", ("public", "government"), None),
    "IN": ("Mumbai banks (Maharashtra, NI Act)", "Asia/Kolkata", ("public",), "MH"),
    "PH": ("Philippine banks (proclaimed holidays)", "Asia/Manila", ("public",), None),
    "PK": ("Pakistani banks (State Bank of Pakistan)", "Asia/Karachi", ("public",), None),
    "BD": ("Bangladeshi banks (Bangladesh Bank)", "Asia/Dhaka", ("public",), None),
}

# Weekend days by market (Monday = 0). Bangladesh rests on Friday and Saturday.
WEEKENDS: dict[str, set[int]] = {"BD": {4, 5}}
WEEKEND_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def weekend_of(market: str) -> set[int]:
    return WEEKENDS.get(market, {5, 6})


def second_and_fourth_saturdays(year: int) -> dict[dt.date, str]:
    """India's bank holidays on the 2nd and 4th Saturday of every month (RBI, 2015)."""
    result: dict[dt.date, str] = {}
    for month in range(1, 13):
        saturdays = [dt.date(year, month, day) for day in range(1, 32)
                     if _valid(year, month, day) and dt.date(year, month, day).weekday() == 5]
        for index in (1, 3):
            result[saturdays[index]] = f"{'Second' if index == 1 else 'Fourth'} Saturday (bank holiday)"
    return result


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def usage(message: str) -> None:
    sys.stderr.write(f"draft-calendar: {message}\nusage: draft-calendar.py MARKET YEAR [--header]\n")
    sys.exit(2)


def library_holidays(market: str, year: int) -> tuple[dict[dt.date, str], tuple[str, ...]]:
    """The library's holidays for one year, and the categories asked for."""
    if market in MARKETS:
        _, _, categories, subdiv = MARKETS[market]
    else:
        subdiv = None
        categories = ()
    try:
        cls = holidays.country_holidays(market).__class__
    except NotImplementedError:
        usage(f"python-holidays {holidays.__version__} has no calendar for {market!r}")
    supported = getattr(cls, "supported_categories", ("public",))
    if not categories:
        categories = tuple(c for c in ("public", "bank") if c in supported)
    categories = tuple(c for c in categories if c in supported)
    # The Fed rule is applied below, so the library must not add its own
    # observed days for the US (it moves Saturday holidays to Friday).
    observed = market != "US"
    table = dict(holidays.country_holidays(
        market, subdiv=subdiv, years=year, categories=categories, observed=observed
    ).items())
    if market == "IN":
        for date, name in second_and_fourth_saturdays(year).items():
            table.setdefault(date, name)
    return table, categories


def entry(date: dt.date, name: str) -> str:
    estimated = "(estimated)" in name or ", estimated)" in name
    name = name.replace(" (estimated)", "").replace(", estimated)", ")")
    name = name.replace(":", " -")  # keep flow mappings valid YAML
    extra = ", estimated: true" if estimated else ""
    return f"      - {{ date: {date.isoformat()}, name: {name}{extra} }}"


def closures_and_notes(market: str, year: int) -> tuple[list[tuple[dt.date, str]], list[tuple[dt.date, str]]]:
    """The days banks close in YEAR by the library and the market's rules, and the
    holidays that close nothing (on a weekend day, or a Saturday the Fed stays open
    before), each sorted by date. scripts/calendar-drift.py compares the closures with
    calendars/ (one home for the rules)."""
    table, _ = library_holidays(market, year)
    closures: list[tuple[dt.date, str]] = []
    notes: list[tuple[dt.date, str]] = []
    for date, name in sorted(table.items()):
        if market == "US" and date.weekday() == 5:
            notes.append((date, f"{name} is a Saturday: Fed open on Friday {date - dt.timedelta(days=1)}"))
        elif market == "US" and date.weekday() == 6:
            monday = date + dt.timedelta(days=1)
            closures.append((monday, f"{name} (observed; {date} is a Sunday)"))
        elif market == "IN" and date.weekday() == 5:
            closures.append((date, name))  # India's weekend is Sunday; 2nd/4th Saturdays are listed
        elif date.weekday() in weekend_of(market):
            notes.append((date, f"{name} falls on a {DAY[date.weekday()]}: no bank day lost"))
        else:
            closures.append((date, name))
    # Only the year asked for: a Sunday 31 December would push into the next year.
    return sorted(c for c in closures if c[0].year == year), sorted(notes)


def year_block(market: str, year: int) -> list[str]:
    closures, notes = closures_and_notes(market, year)
    lines = [f"  {year}:", "    source: TODO  # official notice URL or gazette number", "    holidays:"]
    for date, name in sorted(closures + [(d, "#" + n) for d, n in notes]):
        if name.startswith("#"):
            lines.append(f"      # {date.isoformat()} {name[1:]}")
        else:
            lines.append(entry(date, name))
    return lines


def header(market: str, year: int, categories: tuple[str, ...]) -> list[str]:
    name, timezone, _, subdiv = MARKETS.get(market, (f"{market} banks", "TODO", (), None))
    where = f", subdivision {subdiv}" if subdiv else ""
    return [
        "# yaml-language-server: $schema=../schemas/calendar.schema.json",
        f"# Drafted with scripts/draft-calendar.py (python-holidays {holidays.__version__},"
        f" categories {', '.join(categories)}{where}), then checked",
        "# line by line against the official notice of each year; corrections noted inline.",
        f"market: {market}",
        f"name: {name}",
        f"timezone: {timezone}",
        f"weekend: [{', '.join(WEEKEND_NAMES[d] for d in sorted(weekend_of(market)) if not (market == 'IN' and d == 5))}]",
        f"through: {year}-12-31",
        "years:",
    ]


def main(argv: list[str]) -> int:
    args = [a for a in argv if a != "--header"]
    if len(args) != 2:
        usage("expected MARKET and YEAR")
    market = args[0].upper()
    if len(market) != 2 or not market.isalpha():
        usage(f"MARKET must be an ISO 3166-1 alpha-2 code, got {args[0]!r}")
    if not args[1].isdigit() or not 1900 <= int(args[1]) <= 2100:
        usage(f"YEAR must be a year between 1900 and 2100, got {args[1]!r}")
    year = int(args[1])
    _, categories = library_holidays(market, year)
    out: list[str] = []
    if "--header" in argv:
        out += header(market, year, categories)
    else:
        out.append(
            f"# Drafted with scripts/draft-calendar.py (python-holidays {holidays.__version__},"
            f" categories {', '.join(categories)}); check against the official notice."
        )
    out += year_block(market, year)
    try:
        sys.stdout.write("\n".join(out) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into head: not an error of ours
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
