"""One self-contained HTML page that shows a document's text with every extracted item highlighted."""
from __future__ import annotations

import html
import json
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .models import Document

KINDS = ("figure", "official", "date", "period", "reference")
KIND_LABELS = {"figure": "figures", "official": "official mentions", "date": "dates", "period": "periods",
               "reference": "references"}


@dataclass(frozen=True, slots=True)
class Item:
    """One highlighted stretch of text: an extracted item, or one mention of an official."""

    id: str
    kind: str
    start: int
    end: int
    fields: tuple[tuple[str, str], ...]  # label, shown value: what hovering or focusing reveals


def _show(value: Any) -> str:
    """A field as shown to the reader: JSON for numbers and lists, '—' for nothing.

    >>> [_show(v) for v in (None, 8.36, [7, 7.5], "VND", True, [2016, 2020])]
    ['—', '8.36', '[7, 7.5]', 'VND', 'yes', '[2016, 2020]']
    """
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def collect_items(data: dict[str, Any], page_of: Any = None) -> list[Item]:
    """Every item of a contract JSON object that has a span, in document order of kinds.

    `page_of(offset)` gives a mention's page when the items themselves do not carry one.
    """
    def page(record: dict[str, Any], start: int) -> list[tuple[str, str]]:
        p = record.get("page")
        if p is None and page_of is not None:
            p = page_of(start)
        return [("page", str(p))] if p is not None else []

    items: list[Item] = []
    for i, f in enumerate(data.get("figures", [])):
        s, e = f["span"]
        fields = [(name, _show(f.get(name))) for name in
                  ("value", "unit", "kind", "metric", "year", "period", "target", "change", "comparator")]
        items.append(Item(f"f{i}", "figure", s, e, (("text", f["text"]), *fields, *page(f, s))))
    for i, o in enumerate(data.get("officials", [])):
        mentions = o.get("mentions", [])
        for j, (s, e) in enumerate(mentions):
            fields = [("name", o["name"]), ("titles", "; ".join(o.get("titles", [])) or "—"),
                      ("as written", "; ".join(o.get("titles_raw", [])) or "—"),
                      ("mention", f"{j + 1} of {len(mentions)}")]
            p = page_of(s) if page_of is not None else (o.get("page") if len(mentions) == 1 else None)
            items.append(Item(f"o{i}m{j}", "official", s, e,
                              (*fields, *([("page", str(p))] if p is not None else []))))
    for i, d in enumerate(data.get("dates", [])):
        s, e = d["span"]
        items.append(Item(f"d{i}", "date", s, e, (("text", d["text"]), ("value", d["value"]), *page(d, s))))
    for i, p in enumerate(data.get("periods", [])):
        s, e = p["span"]
        items.append(Item(f"p{i}", "period", s, e, (("text", p["text"]), ("start", str(p["start"])),
                                                     ("end", str(p["end"])), *page(p, s))))
    for i, r in enumerate(data.get("references", [])):
        s, e = r["span"]
        fields = [(name, _show(r.get(name))) for name in ("kind", "number", "date", "issuer")]
        items.append(Item(f"r{i}", "reference", s, e, (("text", r["text"]), *fields, *page(r, s))))
    return items


def nest(text: str, items: Sequence[Item]) -> tuple[str, list[str]]:
    """The text as HTML with one <mark data-kind> per item, and notes on items that could not be shown.

    Items that nest (a year inside a reference) become nested elements. When two items cross, the
    one that is still open when the other ends is closed and reopened as a fragment (data-of, no
    data-kind), so that every item keeps exactly one element carrying its kind and offsets.

    >>> nest("ab cd", [Item("x", "date", 0, 5, ()), Item("y", "figure", 3, 5, ())])[0]
    '<mark class="item k-date" data-kind="date" data-id="x" data-start="0" data-end="5" tabindex="0">ab \
<mark class="item k-figure" data-kind="figure" data-id="y" data-start="3" data-end="5" tabindex="0">cd</mark></mark>'
    >>> nest("abcd", [Item("x", "date", 0, 3, ()), Item("y", "figure", 1, 4, ())])[0].count('data-of="y"')
    1
    """
    notes: list[str] = []
    valid = []
    for item in items:
        if not 0 <= item.start < item.end <= len(text):
            notes.append(f"{item.kind} {item.id}: span [{item.start}, {item.end}) is outside the text")
            continue
        valid.append(item)
    rank = {k: i for i, k in enumerate(KINDS)}
    starts: dict[int, list[Item]] = {}
    for item in valid:
        starts.setdefault(item.start, []).append(item)
    bounds = sorted({0, len(text), *(i.start for i in valid), *(i.end for i in valid)})
    out: list[str] = []
    stack: list[tuple[Item, bool]] = []  # open elements, outermost first; bool: is a fragment

    def open_(item: Item, fragment: bool) -> None:
        cls = f"item k-{item.kind}" + (" frag" if fragment else "")
        if fragment:
            out.append(f'<mark class="{cls}" data-of="{item.id}">')
        else:
            out.append(f'<mark class="{cls}" data-kind="{item.kind}" data-id="{item.id}" '
                       f'data-start="{item.start}" data-end="{item.end}" tabindex="0">')
        stack.append((item, fragment))

    for here, nxt in zip(bounds, bounds[1:] + [len(text)]):
        closing = next((k for k, (item, _) in enumerate(stack) if item.end == here), None)
        reopen: list[Item] = []
        if closing is not None:
            for item, _ in reversed(stack[closing:]):
                out.append("</mark>")
                if item.end > here:
                    reopen.append(item)
            del stack[closing:]
        # longer items outside shorter ones, so a crossing is split as rarely as possible
        for item in sorted(reopen + starts.get(here, []), key=lambda i: (-i.end, rank[i.kind], i.id)):
            open_(item, item in reopen)
        out.append(html.escape(text[here:nxt], quote=False))
    out.extend("</mark>" for _ in stack)
    return "".join(out), notes


def _figure_rows(data: dict[str, Any], with_page: bool) -> list[str]:
    rows = []
    for i, f in enumerate(data.get("figures", [])):
        value = f.get("value")
        low = value[0] if isinstance(value, list) and value else value
        period = f.get("period")
        cells = [(str(i + 1), i), (f["text"], f["text"]), (_show(value), low), (_show(f.get("unit")), f.get("unit")),
                 (f.get("kind", ""), f.get("kind")), (_show(f.get("metric")), f.get("metric")),
                 (_show(f.get("year")), f.get("year")), (_show(period), period[0] if period else None),
                 (_show(f.get("target")), int(bool(f.get("target")))), (_show(f.get("change")), f.get("change")),
                 (_show(f.get("comparator")), f.get("comparator"))]
        if with_page:
            cells.append((_show(f.get("page")), f.get("page")))
        tds = "".join(f'<td data-sort="{html.escape(json.dumps(key, ensure_ascii=False))}">{html.escape(shown)}</td>'
                      for shown, key in cells)
        rows.append(f'<tr data-item="f{i}" tabindex="0">{tds}</tr>')
    return rows


def render(data: dict[str, Any], text: str, page_starts: Sequence[int] | None = None) -> str:
    """The page for a contract JSON object and the text its spans index."""
    page_of = (lambda off: max(1, bisect_right(page_starts, off))) if page_starts else None
    items = collect_items(data, page_of)
    body, notes = nest(text, items)
    doc = data.get("document", {})
    source = data.get("source", {})
    figures = data.get("figures", [])
    with_page = any(f.get("page") is not None for f in figures)
    counts = {k: sum(1 for i in items if i.kind == k) for k in KINDS}
    legend = "".join(
        f'<label class="legend k-{k}"><input type="checkbox" checked data-toggle="{k}"> '
        f'<span class="swatch"></span>{counts[k]} {KIND_LABELS[k]}</label>' for k in KINDS)
    info = [("kind", doc.get("kind")), ("published", doc.get("published")), ("number", doc.get("number")),
            ("issuer", doc.get("issuer")), ("authors", ", ".join(doc.get("authors") or []) or None),
            ("years", ", ".join(map(str, data.get("years", []))) or None),
            ("source", source.get("path")), ("format", source.get("format")), ("pages", source.get("pages"))]
    meta = "".join(f"<dt>{k}</dt><dd>{html.escape(str(v))}</dd>" for k, v in info if v is not None)
    warnings = [*data.get("warnings", []), *notes]
    warn_html = ("<ul class=\"warnings\">" + "".join(f"<li>{html.escape(w)}</li>" for w in warnings) + "</ul>"
                 if warnings else "")
    headers = ["#", "text", "value", "unit", "kind", "metric", "year", "period", "target", "change", "cmp"]
    if with_page:
        headers.append("page")
    thead = "".join(f'<th scope="col" aria-sort="none"><button type="button" data-col="{n}">{h}</button></th>'
                    for n, h in enumerate(headers))
    payload = {i.id: {"kind": i.kind, "fields": i.fields} for i in items}
    # "</script>" in the text would end the data block early: no "<" may appear in it at all
    payload_json = json.dumps(payload, ensure_ascii=False).replace("<", "\\u003c")
    title = doc.get("title") or source.get("path") or "reportextract"
    return PAGE.format(
        title=html.escape(str(title)), meta=meta, legend=legend, warnings=warn_html,
        text=body, thead=thead,
        rows="\n".join(_figure_rows(data, with_page)), nfig=len(figures), data=payload_json,
        css=CSS, js=JS)


def render_document(doc: Document, page_starts: Sequence[int] | None = None) -> str:
    """The page for an extracted Document."""
    return render(doc.to_dict(), doc.text, page_starts)


def show_file(path: str | Path, *, ocr: str = "auto") -> str:
    """Extract a file and render its page; PDF mentions get their page from the reader's page offsets."""
    from .api import extract_file
    from .readers import read_path

    doc = extract_file(path, ocr=ocr)
    page_starts = None
    if doc.source.format == "pdf":
        page_starts = read_path(path, ocr=ocr)[0].page_starts  # read twice: Document keeps no page offsets
    return render_document(doc, page_starts)


CSS = """
:root { --figure: #ffd54f; --official: #81d4fa; --date: #c5e1a5; --period: #ce93d8; --reference: #ffab91;
        font-family: system-ui, "Segoe UI", "Noto Sans", sans-serif; color: #1d1d1f; }
body { margin: 0; }
header { padding: 1rem 1.5rem .5rem; border-bottom: 1px solid #ddd; }
h1 { font-size: 1.25rem; margin: 0 0 .5rem; }
dl.meta { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0 0 .5rem; font-size: .85rem; }
dl.meta dt { font-weight: 600; } dl.meta dt::after { content: ":"; } dl.meta dd { margin: 0; }
.legend { margin-right: 1rem; font-size: .85rem; white-space: nowrap; cursor: pointer; }
.swatch { display: inline-block; width: .9em; height: .9em; margin-right: .3em; vertical-align: -.1em;
          border-radius: 2px; background: var(--c); }
.warnings { color: #8a4b00; font-size: .85rem; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; padding: 1rem 1.5rem; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
#re-text { white-space: pre-wrap; line-height: 1.9; font-size: 1rem; margin: 0; font-family: inherit; }
.k-figure { --c: var(--figure); } .k-official { --c: var(--official); } .k-date { --c: var(--date); }
.k-period { --c: var(--period); } .k-reference { --c: var(--reference); }
mark.item { background: color-mix(in srgb, var(--c) 70%, transparent); color: inherit; border-radius: 2px;
            padding: .1em 0; box-shadow: inset 0 -2px var(--c); cursor: help; }
mark.item mark.item { background: var(--c); box-shadow: 0 0 0 1px #0004; }
mark.item:focus { outline: 2px solid #1565c0; outline-offset: 1px; }
mark.item.hl { outline: 2px solid #1565c0; }
body.hide-figure mark.k-figure, body.hide-official mark.k-official, body.hide-date mark.k-date,
body.hide-period mark.k-period, body.hide-reference mark.k-reference { background: none; box-shadow: none; }
aside { position: sticky; top: 0; max-height: 100vh; overflow: auto; font-size: .8rem; }
aside h2 { font-size: 1rem; margin: 0 0 .5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .2rem .35rem; text-align: left; vertical-align: top;
         white-space: nowrap; }
td:nth-child(6) { white-space: normal; min-width: 12em; }
th { position: sticky; top: 0; background: #f6f6f6; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
tbody tr { cursor: pointer; } tbody tr:hover, tbody tr:focus { background: #fff8dc; }
#re-tip { position: absolute; z-index: 10; max-width: 26rem; background: #fff; border: 1px solid #999;
          border-radius: 4px; padding: .4rem .6rem; box-shadow: 0 2px 8px #0003; font-size: .8rem;
          pointer-events: none; }
#re-tip .head { font-weight: 600; margin-bottom: .2rem; text-transform: capitalize; }
#re-tip dl { display: grid; grid-template-columns: auto 1fr; gap: .1rem .6rem; margin: 0; }
#re-tip dt { color: #555; } #re-tip dd { margin: 0; }
"""

JS = r"""
(() => {
  "use strict";
  const data = JSON.parse(document.getElementById("re-data").textContent);
  const tip = document.getElementById("re-tip");
  const text = document.getElementById("re-text");
  const idOf = (m) => m.getAttribute("data-id") || m.getAttribute("data-of");
  const partsOf = (id) => text.querySelectorAll(`mark[data-id="${id}"], mark[data-of="${id}"]`);
  let shown = null;

  function hide() {
    tip.hidden = true;
    if (shown) partsOf(shown).forEach((m) => { m.classList.remove("hl"); m.removeAttribute("aria-describedby"); });
    shown = null;
  }
  function show(mark) {
    const id = idOf(mark), info = data[id];
    if (!info || id === shown) return;
    hide();
    const head = document.createElement("div");
    head.className = "head";
    head.textContent = info.kind;
    const dl = document.createElement("dl");
    for (const [name, value] of info.fields) {
      const dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = name;
      dd.textContent = value;
      dl.append(dt, dd);
    }
    tip.replaceChildren(head, dl);
    tip.hidden = false;
    const box = mark.getBoundingClientRect();
    const left = Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = `${Math.max(window.scrollX + 4, left)}px`;
    tip.style.top = `${box.bottom + window.scrollY + 6}px`;
    partsOf(id).forEach((m) => m.classList.add("hl"));
    mark.setAttribute("aria-describedby", "re-tip");  // screen readers read the tooltip on focus
    shown = id;
  }
  const markOf = (node) => (node && node.closest ? node.closest("mark.item") : null);
  text.addEventListener("mouseover", (e) => { const m = markOf(e.target); if (m) show(m); });
  text.addEventListener("mouseout", (e) => { if (!markOf(e.relatedTarget)) hide(); });
  text.addEventListener("focusin", (e) => { const m = markOf(e.target); if (m) show(m); });
  text.addEventListener("focusout", hide);

  for (const box of document.querySelectorAll("input[data-toggle]")) {
    box.addEventListener("change", () => document.body.classList.toggle(`hide-${box.dataset.toggle}`, !box.checked));
  }

  const table = document.getElementById("re-figures");
  const body = table.tBodies[0];
  const key = (row, col) => JSON.parse(row.cells[col].dataset.sort);
  function compare(a, b) {
    if (a === null || b === null) return (a === null) - (b === null);
    if (typeof a === "number" && typeof b === "number") return a - b;
    return String(a).localeCompare(String(b), "vi");
  }
  for (const th of table.tHead.rows[0].cells) {
    th.querySelector("button").addEventListener("click", () => {
      const col = th.cellIndex, dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      for (const other of table.tHead.rows[0].cells) other.setAttribute("aria-sort", "none");
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      const rows = Array.from(body.rows);
      // empty cells stay last whichever way the column is sorted
      rows.sort((a, b) => {
        const x = key(a, col), y = key(b, col);
        if (x === null || y === null) return compare(x, y);
        return dir * compare(x, y);
      });
      body.append(...rows);
    });
  }
  function go(row) {
    const mark = text.querySelector(`mark[data-id="${row.dataset.item}"]`);
    if (!mark) return;
    mark.scrollIntoView({ block: "center" });
    mark.focus();
  }
  body.addEventListener("click", (e) => { const row = e.target.closest("tr"); if (row) go(row); });
  body.addEventListener("keydown", (e) => { if (e.key === "Enter") { const row = e.target.closest("tr"); if (row) go(row); } });
  document.documentElement.setAttribute("data-ready", "1");
})();
"""

PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="reportextract show">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header>
<h1>{title}</h1>
<dl class="meta">{meta}</dl>
<div class="legends">{legend}</div>
{warnings}
</header>
<main>
<article><div id="re-text">{text}</div></article>
<aside>
<h2>{nfig} figures <small>(click a column to sort, a row to find it)</small></h2>
<table id="re-figures">
<thead><tr>{thead}</tr></thead>
<tbody>
{rows}
</tbody>
</table>
</aside>
</main>
<div id="re-tip" role="tooltip" hidden></div>
<script type="application/json" id="re-data">{data}</script>
<script>{js}</script>
</body>
</html>
"""
