"""Doc to Document: spans become records, de-duplicated and merged, with pages attached."""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .models import (
    DateMention,
    Document,
    DocumentInfo,
    Figure,
    Official,
    PeriodMention,
    Reference,
    Source,
)
from .nlp import doc_text, items
from .readers import SourceText


def _value(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return (float(v[0]), float(v[1]))
    return None if v is None else float(v)


def build_document(doc: Doc, source: Source, src: SourceText | None = None) -> Document:
    """Turn the spans of a processed Doc into the contract's records."""
    page = (lambda off: src.page_of(off)) if src is not None and src.page_starts else (lambda off: None)
    text = doc_text(doc)
    info = dict(doc._.info or {})
    if src is not None and src.format == "html":
        # a web page's own metadata (og:title, article:published_time, author) beats guesses from its text
        for key in ("title", "published", "authors"):
            if src.meta.get(key):
                info[key] = src.meta[key]

    figures = tuple(
        Figure._make(text=f["text"], span=tuple(f["span"]), value=_value(f["value"]), unit=f.get("unit"),
                     kind=f["kind"], comparator=f.get("comparator"), metric=f.get("metric"),
                     year=f.get("year"), period=tuple(f["period"]) if f.get("period") else None,
                     target=bool(f.get("target")), change=f.get("change"), sentence=f.get("sentence"),
                     page=page(f["span"][0]))
        for f in sorted(items(doc, "figures"), key=lambda f: tuple(f["span"]))
    )

    people: dict[str, dict[str, Any]] = {}
    for o in items(doc, "officials"):
        p = people.setdefault(o["name"], {"titles": [], "titles_raw": [], "mentions": []})
        for key in ("titles", "titles_raw"):
            for t in o.get(key, []):
                if t not in p[key]:
                    p[key].append(t)
        if tuple(o["span"]) not in p["mentions"]:
            p["mentions"].append(tuple(o["span"]))
    officials = tuple(
        Official._make(name=name, titles=tuple(p["titles"]), titles_raw=tuple(p["titles_raw"]),
                       mentions=tuple(sorted(p["mentions"])),
                       pages=tuple(sorted({pg for s, _ in p["mentions"] if (pg := page(s)) is not None})))
        for name, p in sorted(people.items(), key=lambda kv: min(kv[1]["mentions"]))
    )

    seen_dates: set[str] = set()
    dates = []
    for d in items(doc, "dates"):
        if d["value"] in seen_dates:
            continue
        seen_dates.add(d["value"])
        dates.append(DateMention._make(text=d["text"], value=d["value"], span=tuple(d["span"]),
                                       page=page(d["span"][0])))

    seen_periods: set[tuple[int, int]] = set()
    periods = []
    for p in items(doc, "periods"):
        key = (p["start"], p["end"])
        if key in seen_periods:
            continue
        seen_periods.add(key)
        periods.append(PeriodMention._make(text=p["text"], start=p["start"], end=p["end"],
                                           span=tuple(p["span"]), page=page(p["span"][0])))

    years = sorted({y["value"] for y in items(doc, "years")})

    merged: dict[str, dict[str, Any]] = {}
    for r in items(doc, "references"):
        m = merged.get(r["number"])
        if m is None:
            merged[r["number"]] = dict(r)
        else:
            for key in ("date", "issuer"):
                if not m.get(key) and r.get(key):
                    m[key] = r[key]
            if len(r.get("text", "")) > len(m.get("text", "")) and r.get("kind") == m.get("kind"):
                m["text"], m["span"] = r["text"], r["span"]
    references = tuple(
        Reference._make(text=r["text"], kind=r["kind"], number=r["number"], date=r.get("date"),
                        issuer=r.get("issuer"), span=tuple(r["span"]), page=page(r["span"][0]))
        for r in merged.values()
    )

    warnings = list(src.warnings) if src is not None else []
    warnings += doc._.warnings or []
    if not info.get("title"):
        warnings.append("title not found")
    document = DocumentInfo._make(
        title=info.get("title"), kind=info.get("kind") or "other", published=info.get("published"),
        number=info.get("number"), issuer=info.get("issuer"), authors=tuple(info.get("authors") or ()),
    )
    for rec in (*figures, *dates, *periods, *references):
        s, e = rec.span
        assert text[s:e] == rec.text, (rec, text[s:e])
    return Document._make(source=source, document=document, figures=figures, officials=officials,
                          dates=tuple(dates), periods=tuple(periods), years=tuple(years),
                          references=references, warnings=tuple(warnings), text=text)
