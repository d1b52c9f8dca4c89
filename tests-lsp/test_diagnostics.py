"""Diagnostics as an editor receives them: at their range, with the RC code and source
`regionc`; cleared when fixed; from unsaved buffers; columns in UTF-16 code units."""

from __future__ import annotations

from lsprotocol import types

from editor import Editor, place, replaced, span


def errors(diagnostics, code):
    return [d for d in diagnostics if d.code == code and d.severity == types.DiagnosticSeverity.Error]


async def test_a_mistake_is_published_at_its_range_and_cleared_when_fixed(editor: Editor):
    shipped = editor.tree.text("regions/hk.yaml")
    broken = replaced(shipped, "timezone: Asia/Hong_Kong", "timezon: Asia/Hong_Kong")
    uri = editor.open("regions/hk.yaml", broken)

    found = await editor.diagnostics(uri, lambda d: errors(d, "RC0202"), "with RC0202 (unknown key)")
    unknown_key = errors(found, "RC0202")[0]
    assert unknown_key.range == span(broken, "timezon")
    assert unknown_key.source == "regionc"
    assert "timezon" in unknown_key.message

    # The fix as an editor sends it: the missing `e` typed after `timezon`.
    end = span(broken, "timezon").end
    editor.edit(uri, types.Range(start=end, end=end), "e")
    assert await editor.diagnostics(uri, lambda d: d == [], "cleared") == []


async def test_a_catalog_broken_in_an_unsaved_buffer_shows_in_a_region_that_uses_it(editor: Editor):
    korea = editor.tree.uri("regions/kr.yaml")
    # The shipped tree's findings arrive after `initialized`, before any buffer is open: kr.yaml's warnings only.
    shipped = await editor.diagnostics(korea, lambda d: len(d) > 0, "from the shipped tree")
    assert all(d.severity == types.DiagnosticSeverity.Warning for d in shipped)

    catalog = editor.tree.text("regions/catalog.yaml")
    catalog_uri = editor.open("regions/catalog.yaml", catalog)
    start = place(catalog, "NAVERPAY:")
    # Renames the catalog's NAVERPAY to NAVERPAI in the buffer; the file on disk is untouched.
    at = types.Range(start=types.Position(line=start.line, character=start.character + 7),
                     end=types.Position(line=start.line, character=start.character + 8))
    editor.edit(catalog_uri, at, "I")
    broken = await editor.diagnostics(
        korea, lambda found: any(e.severity == types.DiagnosticSeverity.Error and "NAVERPAY" in e.message for e in found),
        "naming the NAVERPAY the catalog no longer has")
    error = next(d for d in broken if d.severity == types.DiagnosticSeverity.Error and "NAVERPAY" in d.message)
    assert error.source == "regionc"
    assert error.code.startswith("RC")
    korea_text = editor.tree.text("regions/kr.yaml")
    assert error.range.start.line == place(korea_text, "NAVERPAY").line

    # Closing the unsaved buffer: the catalog on disk counts again.
    editor.close_document(catalog_uri)
    restored = await editor.diagnostics(korea, lambda d: not any(e.severity == types.DiagnosticSeverity.Error for e in d),
                                        "without the error once the buffer is closed")
    assert [d.code for d in restored] == [d.code for d in shipped]


async def test_a_column_after_korean_thai_and_emoji_is_counted_in_utf16_units(editor: Editor):
    shipped = editor.tree.text("regions/hk.yaml")
    # A blackout on one line: its reason in Korean, Thai and an emoji (two UTF-16 units, one code
    # point, four UTF-8 bytes), then a misspelt key after it.
    edited = replaced(shipped, """    - from: 2026-12-31T22:00:00+08:00
      until: 2027-01-01T02:00:00+08:00
      reason: Acquirer year-end maintenance""",
                      """    - { from: 2026-12-31T22:00:00+08:00, until: 2027-01-01T02:00:00+08:00, reason: "연말 점검 ปิดปรับปรุง 🔧", resaon: x }""")
    uri = editor.open("regions/hk.yaml", edited)
    found = await editor.diagnostics(uri, lambda d: errors(d, "RC0202"), "with RC0202 for `resaon`")
    unknown_key = errors(found, "RC0202")[0]
    assert "resaon" in unknown_key.message
    assert unknown_key.range == span(edited, "resaon")
    # The same column counted in code points or in bytes would be elsewhere: the test can tell.
    line = edited.split("\n")[unknown_key.range.start.line]
    assert unknown_key.range.start.character != line.index("resaon")
    assert unknown_key.range.start.character != len(line[: line.index("resaon")].encode("utf-8"))


async def test_a_wrong_value_after_hangul_and_thai_in_a_name_is_at_its_utf16_column(editor: Editor):
    shipped = editor.tree.text("regions/hk.yaml")
    # A change freeze on one line: its reason in Hangul, Thai and an emoji, then a date that does not exist.
    edited = replaced(shipped, """  - from: 2027-02-03T00:00:00+08:00
    until: 2027-02-11T00:00:00+08:00
    reason: Lunar New Year 2027""",
                      """  - { reason: "설날 ตรุษจีน 🧧", from: 2027-02-03T00:00:00+08:00, until: 2027-02-31T00:00:00+08:00 }""")
    uri = editor.open("regions/hk.yaml", edited)
    found = await editor.diagnostics(uri, lambda d: errors(d, "RC0309"), "with RC0309 for 2027-02-31")
    bad_instant = errors(found, "RC0309")[0]
    assert bad_instant.range == span(edited, "2027-02-31T00:00:00+08:00")
    assert bad_instant.source == "regionc"
