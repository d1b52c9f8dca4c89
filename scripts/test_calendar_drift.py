#!/usr/bin/env python3
"""Tests of scripts/calendar-drift.py: python3 -m unittest scripts/test_calendar_drift.py

The draft is injected (no python-holidays needed); the calendars and baselines are
the files in scripts/fixtures/calendar-drift. PyYAML is required, as for the script.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
import sys
import tempfile
import unittest
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
FIXTURES = SCRIPTS / "fixtures" / "calendar-drift"

_spec = importlib.util.spec_from_file_location("calendar_drift", SCRIPTS / "calendar-drift.py")
assert _spec is not None and _spec.loader is not None
drift = importlib.util.module_from_spec(_spec)
sys.modules["calendar_drift"] = drift  # dataclasses look their module up while the file runs
_spec.loader.exec_module(drift)

D = dt.date

# The library's draft of the fixture calendar: it agrees except for the bank holiday.
AGREEING = {
    2026: {D(2026, 1, 1): "New Year's Day"},
    2027: {D(2027, 1, 1): "New Year's Day"},
}
# A newer library: a substitute day announced since the calendar was checked.
ANNOUNCED = {
    2026: AGREEING[2026],
    2027: {**AGREEING[2027], D(2027, 5, 3): "Alternative holiday for Labor Day"},
}
# A newer library that dropped New Year's Day 2026 (the calendar still closes it).
DROPPED = {2026: {}, 2027: AGREEING[2027]}


def loader(table: dict[int, dict[dt.date, str]]):
    def load():
        return (lambda market, year: dict(table.get(year, {}))), "9.99"
    return load


def args(calendars: str = "calendars", baseline: str = "baseline.txt") -> list[str]:
    return ["--calendars", str(FIXTURES / calendars), "--baseline", str(FIXTURES / baseline)]


class CalendarDriftTests(unittest.TestCase):
    def test_exit_status_and_report(self) -> None:
        # (case, argv, draft, exit status, lines that must be printed)
        table = [
            ("only known differences", args(), AGREEING, 0, ["no drift", "1 known differences"]),
            ("a day only the newer draft closes", args(), ANNOUNCED, 1,
             ["  XX 2027-05-03 + Alternative holiday for Labor Day"]),
            ("a day only the calendar closes", args(), DROPPED, 1, ["  XX 2026-01-01 - New Year's Day"]),
            ("a baseline line that no longer differs", args(baseline="baseline-stale.txt"), AGREEING, 0,
             ["  XX 2027-03-01 +"]),
            ("a malformed baseline line", args(baseline="baseline-malformed.txt"), AGREEING, 2,
             ["calendar-drift: " + str(FIXTURES / "baseline-malformed.txt") + ":1: expected "
              "`MARKET YYYY-MM-DD +|- name`, got 'XX 2026-07-01 ~ Bank holiday (half-yearly closing)'"]),
            ("a missing baseline", args(baseline="no-such-baseline.txt"), AGREEING, 2,
             ["calendar-drift: " + str(FIXTURES / "no-such-baseline.txt")
              + ": cannot read the baseline: No such file or directory"]),
            ("a calendar without a market", args(calendars="broken-calendars"), AGREEING, 2,
             ["calendar-drift: " + str(FIXTURES / "broken-calendars" / "xx.yaml")
              + ": no `market:` (run `regionc validate` for the details)"]),
            ("a directory without calendars", args(calendars="no-such-dir"), AGREEING, 2,
             ["calendar-drift: " + str(FIXTURES / "no-such-dir") + ": no calendar files (*.yaml)"]),
            ("an unknown flag", ["--as-of", "2027-01-01"], AGREEING, 2,
             ["calendar-drift: unexpected argument '--as-of'"]),
        ]
        for case, argv, draft, status, expected in table:
            with self.subTest(case):
                lines, got = drift.run(argv, load=loader(draft))
                self.assertEqual(got, status, "\n".join(lines))
                for line in expected:
                    self.assertTrue(any(line in printed for printed in lines),
                                    f"{line!r} not in:\n" + "\n".join(lines))

    def test_drift_lists_only_new_differences(self) -> None:
        lines, _ = drift.run(args(), load=loader(ANNOUNCED))
        listed = [line for line in lines if line.startswith("  XX")]
        self.assertEqual(listed, ["  XX 2027-05-03 + Alternative holiday for Labor Day"])

    def test_written_baseline_reads_back_as_no_drift(self) -> None:
        with tempfile.TemporaryDirectory() as scratch:
            baseline = Path(scratch) / "baseline.txt"
            shutil.copy(FIXTURES / "baseline.txt", baseline)
            argv = ["--calendars", str(FIXTURES / "calendars"), "--baseline", str(baseline)]
            written, status = drift.run(argv + ["--write-baseline"], load=loader(ANNOUNCED))
            self.assertEqual((written, status), ([f"wrote 2 differences to {baseline}"], 0))
            self.assertIn("XX 2027-05-03 + Alternative holiday for Labor Day\n", baseline.read_text())
            lines, status = drift.run(argv, load=loader(ANNOUNCED))
            self.assertEqual(status, 0, "\n".join(lines))
            self.assertIn("no drift", lines)


if __name__ == "__main__":
    unittest.main()
