"""Hover, definition, completion, code actions, document symbols and references on the shipped
tree, checked against the shapes LSP 3.17 gives their results."""

from __future__ import annotations

from lsprotocol import types

from editor import Editor, place, replaced, span, utf16_column


def doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


def inside(text: str, needle: str, occurrence: int = 0) -> types.Position:
    """A position inside `needle` (its second character), as a cursor resting on it."""
    start = place(text, needle, occurrence)
    return types.Position(line=start.line, character=start.character + 1)


def on(text: str, line_needle: str, word: str) -> types.Position:
    """A cursor resting on `word` (after its first character) in the first line holding `line_needle`."""
    for number, line in enumerate(text.split("\n")):
        if line_needle in line:
            return types.Position(line=number, character=utf16_column(line, line.index(word, line.index(line_needle))) + 1)
    raise AssertionError(f"`{line_needle}` is not in the text")


def hover_text(hover: types.Hover | None) -> str:
    assert hover is not None, "no hover"
    contents = hover.contents
    parts = list(contents) if isinstance(contents, (list, tuple)) else [contents]
    return "\n".join(p if isinstance(p, str) else p.value for p in parts)


def locations(result) -> list[tuple[str, int]]:
    """(uri, start line) of a Location, Location[] or LocationLink[] result."""
    if result is None:
        return []
    items = list(result) if isinstance(result, (list, tuple)) else [result]
    out = []
    for item in items:
        if isinstance(item, types.LocationLink):
            out.append((item.target_uri, item.target_selection_range.start.line))
        else:
            out.append((item.uri, item.range.start.line))
    return out


def completion_items(result) -> list[types.CompletionItem]:
    if result is None:
        return []
    return list(result.items if isinstance(result, types.CompletionList) else result)


def documentation(item: types.CompletionItem) -> str:
    value = item.documentation
    text = value if isinstance(value, str) else (value.value if value is not None else "")
    return f"{item.detail or ''}\n{text}"


def symbol_names(result) -> list[str]:
    """Every name in a DocumentSymbol tree or a SymbolInformation list."""
    names: list[str] = []

    def walk(symbols):
        for symbol in symbols or []:
            names.append(symbol.name)
            if isinstance(symbol, types.DocumentSymbol):
                walk(symbol.children)
    walk(result)
    return names


def line_of(text: str, needle: str) -> int:
    return place(text, needle).line


async def test_hover_on_an_acquirer_id_shows_its_catalog_entry(editor: Editor):
    assert editor.capabilities.hover_provider
    text = editor.tree.text("regions/hk.yaml")
    uri = editor.open("regions/hk.yaml")
    shown = hover_text(await editor.client.text_document_hover_async(types.HoverParams(
        text_document=doc(uri), position=on(text, "acquirer: antom-hk", "antom-hk"))))
    assert "Antom Hong Kong" in shown  # the catalog entry's name


async def test_hover_on_a_method_and_a_currency(editor: Editor):
    text = editor.tree.text("regions/hk.yaml")
    uri = editor.open("regions/hk.yaml")
    method = hover_text(await editor.client.text_document_hover_async(types.HoverParams(
        text_document=doc(uri), position=on(text, "method: ALIPAY_HK", "ALIPAY_HK"))))
    assert "AlipayHK" in method  # the catalog entry's name
    assert "HKD" in method       # its wallet currency and caps
    currency = hover_text(await editor.client.text_document_hover_async(types.HoverParams(
        text_document=doc(uri), position=on(text, "settlement: HKD", "HKD"))))
    assert "hong kong dollar" in currency.lower()  # its ISO 4217 name
    assert "2 minor units" in currency


async def test_hover_on_a_key_and_on_a_step_date(editor: Editor):
    text = editor.tree.text("regions/hk.yaml")
    uri = editor.open("regions/hk.yaml")
    key = hover_text(await editor.client.text_document_hover_async(types.HoverParams(
        text_document=doc(uri), position=on(text, "timezone: Asia/Hong_Kong", "timezone"))))
    assert "time zone" in key.lower()  # the key's meaning, from the schema
    # The first rollout step: Monday 2027-01-11, 10:00 in Hong Kong, a business day in calendars/hk.yaml.
    step = hover_text(await editor.client.text_document_hover_async(types.HoverParams(
        text_document=doc(uri), position=on(text, "at: 2027-01-11T10:00:00+08:00", "2027-01-11"))))
    assert "2027-01-11" in step
    assert "a business day" in step


async def test_definition_of_a_method_and_an_acquirer_goes_to_the_catalog(editor: Editor):
    assert editor.capabilities.definition_provider
    text = editor.tree.text("regions/hk.yaml")
    catalog = editor.tree.text("regions/catalog.yaml")
    catalog_uri = editor.tree.uri("regions/catalog.yaml")
    uri = editor.open("regions/hk.yaml")
    method = await editor.client.text_document_definition_async(types.DefinitionParams(
        text_document=doc(uri), position=on(text, "method: ALIPAY_HK", "ALIPAY_HK")))
    assert locations(method) == [(catalog_uri, line_of(catalog, "  ALIPAY_HK:"))]
    acquirer = await editor.client.text_document_definition_async(types.DefinitionParams(
        text_document=doc(uri), position=on(text, "acquirer: antom-hk", "antom-hk")))
    assert locations(acquirer) == [(catalog_uri, line_of(catalog, "  antom-hk:"))]


async def test_definition_of_a_calendar_market_goes_to_its_file(editor: Editor):
    shipped = editor.tree.text("regions/hk.yaml")
    text = replaced(shipped, "settlement:\n", "settlement:\n  calendars: [HK]\n")
    uri = editor.open("regions/hk.yaml", text)
    market = await editor.client.text_document_definition_async(types.DefinitionParams(
        text_document=doc(uri), position=on(text, "calendars: [HK]", "HK")))
    assert [found for found, _ in locations(market)] == [editor.tree.uri("calendars/hk.yaml")]


async def test_completion_offers_catalog_ids_with_their_documentation(editor: Editor):
    assert editor.capabilities.completion_provider is not None
    shipped = editor.tree.text("regions/hk.yaml")
    # A new payment method entry, typed up to `method: `.
    typing = replaced(shipped, "  - method: ALIPAY_HK\n", "  - method: \n  - method: ALIPAY_HK\n")
    line = typing.split("\n").index("  - method: ")
    uri = editor.open("regions/hk.yaml", typing)
    methods = completion_items(await editor.client.text_document_completion_async(types.CompletionParams(
        text_document=doc(uri), position=types.Position(line=line, character=len("  - method: ")))))
    labels = {item.label for item in methods}
    assert {"ALIPAY_CN", "ALIPAY_HK", "KAKAOPAY", "GCASH"} <= labels
    alipay_hk = next(item for item in methods if item.label == "ALIPAY_HK")
    assert "HKD" in documentation(alipay_hk)  # its wallet currency / caps

    acquirer_typing = replaced(shipped, "    acquirer: antom-sg\n", "    acquirer: \n")
    acquirer_line = acquirer_typing.split("\n").index("    acquirer: ")
    editor.close_document(uri)
    uri = editor.open("regions/hk.yaml", acquirer_typing)
    acquirers = completion_items(await editor.client.text_document_completion_async(types.CompletionParams(
        text_document=doc(uri), position=types.Position(line=acquirer_line, character=len("    acquirer: ")))))
    assert {"antom-hk", "antom-sg"} <= {item.label for item in acquirers}


async def test_a_did_you_mean_hint_is_a_quick_fix(editor: Editor):
    assert editor.capabilities.code_action_provider
    shipped = editor.tree.text("regions/hk.yaml")
    broken = replaced(shipped, "timezone: Asia/Hong_Kong", "timezon: Asia/Hong_Kong")
    uri = editor.open("regions/hk.yaml", broken)
    found = await editor.diagnostics(uri, lambda d: any(e.code == "RC0202" for e in d), "with RC0202")
    diagnostic = next(d for d in found if d.code == "RC0202")
    actions = await editor.client.text_document_code_action_async(types.CodeActionParams(
        text_document=doc(uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic], only=[types.CodeActionKind.QuickFix])))
    assert actions, "no code action"
    fix = next(a for a in actions if isinstance(a, types.CodeAction))
    assert fix.kind == types.CodeActionKind.QuickFix
    assert fix.edit is not None
    edits = list((fix.edit.changes or {}).get(uri, []))
    for change in fix.edit.document_changes or []:
        if isinstance(change, types.TextDocumentEdit) and change.text_document.uri == uri:
            edits += change.edits
    assert len(edits) == 1
    assert edits[0].range == span(broken, "timezon")
    assert edits[0].new_text == "timezone"


async def test_document_symbols_outline_methods_routes_and_steps(editor: Editor):
    assert editor.capabilities.document_symbol_provider
    uri = editor.open("regions/hk.yaml")
    result = await editor.client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc(uri)))
    names = symbol_names(result)
    assert {"ALIPAY_CN", "ALIPAY_HK"} <= set(names)                      # methods
    assert {"local-wallet", "alipay-cn-hkd", "default"} <= set(names)    # routes
    assert sum("2027-01-11" in n or "2027-02-15" in n or "2027-03-01" in n for n in names) == 3  # schedule steps


async def test_references_to_an_acquirer_are_the_regions_that_use_it(editor: Editor):
    assert editor.capabilities.references_provider
    catalog = editor.tree.text("regions/catalog.yaml")
    hong_kong = editor.tree.text("regions/hk.yaml")
    uri = editor.open("regions/catalog.yaml")
    result = await editor.client.text_document_references_async(types.ReferenceParams(
        text_document=doc(uri), position=inside(catalog, "antom-hk:"),
        context=types.ReferenceContext(include_declaration=False)))
    found = set(locations(result))
    hk_uri = editor.tree.uri("regions/hk.yaml")
    # Two routes' acquirer and one fallback; us.yaml only names it in a comment, which is no reference.
    assert found == {(hk_uri, place(hong_kong, "antom-hk", n).line) for n in range(3)}
