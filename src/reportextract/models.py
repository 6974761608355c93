"""The records reportextract produces: frozen dataclasses whose to_dict() is the contract's JSON."""
from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Union

SCHEMA_VERSION = "reportextract/1"

Span = tuple[int, int]
Number = Union[int, float]
Value = Union[Number, tuple[Number, Number], None]


def _num(x: Number) -> Number:
    """JSON-friendly number: integral floats print as integers ("9604", not "9604.0")."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e18:
        return int(x)
    return x


def _fast_constructor(cls: type) -> Any:
    """A constructor for the frozen, slotted dataclass `cls` taking the same arguments as its __init__
    (same names, order and defaults), for building many records at once (assemble).

    The generated __init__ of a frozen dataclass sets each field through a global lookup of
    `object.__setattr__` (~0.1 us a field); this sets each slot through its own descriptor, bound once.
    The result is the same frozen instance (equal, same to_dict()); it runs no __post_init__, and none
    of these classes has one.
    """
    assert not hasattr(cls, "__post_init__") and "__dict__" not in dir(cls)
    names = [f.name for f in fields(cls)]
    ns: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    params = []
    for f in fields(cls):
        ns[f"_set_{f.name}"] = getattr(cls, f.name).__set__
        if f.default is not MISSING:
            ns[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        else:
            assert f.default_factory is MISSING
            params.append(f.name)
    body = "".join(f"    _set_{n}(o, {n})\n" for n in names)
    exec(f"def _make({', '.join(params)}):\n    o = _new(_cls)\n{body}    return o\n", ns)
    return ns["_make"]


@dataclass(frozen=True, slots=True)
class Source:
    """Where the text came from."""

    path: str | None
    format: str
    sha256: str
    chars: int
    pages: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "format": self.format, "sha256": self.sha256,
                "chars": self.chars, "pages": self.pages}


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """The document's own title, kind, date, number, issuer and by-line authors."""

    title: str | None = None
    kind: str = "other"
    published: str | None = None
    number: str | None = None
    issuer: str | None = None
    authors: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "kind": self.kind, "published": self.published,
                "number": self.number, "issuer": self.issuer, "authors": list(self.authors)}


@dataclass(frozen=True, slots=True)
class Figure:
    """One quantity in the text with what it measures and when."""

    text: str
    span: Span
    value: Value
    unit: str | None
    kind: str
    comparator: str | None = None
    metric: str | None = None
    year: int | None = None
    period: tuple[int, int] | None = None
    target: bool = False
    change: str | None = None
    sentence: str | None = None
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        value: Any = self.value
        if isinstance(value, tuple):
            value = [_num(v) for v in value]
        elif value is not None:
            value = _num(value)
        return {"text": self.text, "span": list(self.span), "value": value, "unit": self.unit,
                "kind": self.kind, "comparator": self.comparator, "metric": self.metric,
                "year": self.year, "period": list(self.period) if self.period else None,
                "target": self.target, "change": self.change, "sentence": self.sentence,
                "page": self.page}


@dataclass(frozen=True, slots=True)
class Official:
    """A named person with every title the text gives them and every place they are named."""

    name: str
    titles: tuple[str, ...]
    titles_raw: tuple[str, ...]
    mentions: tuple[Span, ...]
    pages: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"name": self.name, "titles": list(self.titles),
                             "titles_raw": list(self.titles_raw),
                             "mentions": [list(m) for m in self.mentions]}
        d["page"] = self.pages[0] if self.pages else None
        return d


@dataclass(frozen=True, slots=True)
class DateMention:
    """A calendar date ("YYYY-MM-DD") or month ("YYYY-MM")."""

    text: str
    value: str
    span: Span
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "span": list(self.span), "page": self.page}


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A span of years such as "2016-2020" or "giai đoạn 2021 – 2025"."""

    text: str
    start: int
    end: int
    span: Span
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "span": list(self.span),
                "page": self.page}


@dataclass(frozen=True, slots=True)
class Reference:
    """A cited document with a number: kind, number, date and issuer as the text gives them."""

    text: str
    kind: str
    number: str
    date: str | None
    issuer: str | None
    span: Span
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "number": self.number, "date": self.date,
                "issuer": self.issuer, "span": list(self.span), "page": self.page}


@dataclass(frozen=True, slots=True)
class Document:
    """Everything extracted from one document."""

    source: Source
    document: DocumentInfo
    figures: tuple[Figure, ...] = ()
    officials: tuple[Official, ...] = ()
    dates: tuple[DateMention, ...] = ()
    periods: tuple[PeriodMention, ...] = ()
    years: tuple[int, ...] = ()
    references: tuple[Reference, ...] = ()
    warnings: tuple[str, ...] = ()
    text: str = field(default="", repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object (see the packaged schema/output.schema.json)."""
        return {
            "schema": SCHEMA_VERSION,
            "source": self.source.to_dict(),
            "document": self.document.to_dict(),
            "figures": [f.to_dict() for f in self.figures],
            "officials": [o.to_dict() for o in self.officials],
            "dates": [d.to_dict() for d in self.dates],
            "periods": [p.to_dict() for p in self.periods],
            "years": list(self.years),
            "references": [r.to_dict() for r in self.references],
            "warnings": list(self.warnings),
        }


# Each record class's fast constructor, as a private static method: `Figure._make(text=..., ...)`.
for _cls in (Source, DocumentInfo, Figure, Official, DateMention, PeriodMention, Reference, Document):
    _cls._make = staticmethod(_fast_constructor(_cls))  # type: ignore[attr-defined]
del _cls
