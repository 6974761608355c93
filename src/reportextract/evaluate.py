"""Score extraction against hand-made gold files, with the reference scorer's exact definitions."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ReportExtractError

# Everything from here to `score_document` mirrors ../shared/eval/score.py line for line (it cannot be
# imported: the package must work on its own). tests/test_eval.py checks both give the same numbers.

ABBREVIATIONS = [  # applied to titles on both sides, so scoring measures extraction, not spelling
    (r"\bubnd\b", "uy ban nhan dan"), (r"\bhdnd\b", "hoi dong nhan dan"),
    (r"\bmttq\b", "mat tran to quoc"), (r"\buvtw\b", "uy vien trung uong"),
    (r"\buvtv\b", "uy vien ban thuong vu"), (r"\btuv\b", "tinh uy vien"),
    (r"\bbch\b", "ban chap hanh"), (r"\btw\b", "trung uong"), (r"\bqh\b", "quoc hoi"),
    (r"\bbtv\b", "ban thuong vu"), (r"\bbct\b", "bo chinh tri"), (r"\bct\b", "chu tich"),
    (r"\bld-tb&xh\b|\bldtbxh\b", "lao dong thuong binh va xa hoi"),
    (r"ban chap hanh trung uong", "trung uong"),
]

ITEMS = ("figures", "officials", "titles", "dates", "periods", "years", "references")
LABELS = ("target", "change", "comparator", "year", "period")  # mostly null: P/R/F1 of the set values
ACCURACY = ("kind", "unit", "metric")                            # always set in gold (metric: where gold has one)
DOCUMENT_FIELDS = ("title", "kind", "published", "number")
ITEM_FIELDS = (*ITEMS, *(f"figure.{n}" for n in LABELS), *(f"document.{n}" for n in DOCUMENT_FIELDS))
ATTRIBUTE_FIELDS = (*ACCURACY, "reference.date", "reference.kind")
GOLD_SUFFIX = ".gold.json"


def fold(text: str) -> str:
    """Case-fold, strip diacritics (đ -> d) and collapse spaces: old/new tone placement compare equal.

    >>> fold("Tỉnh  Uỷ") == fold("tỉnh ủy")
    True
    """
    text = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


def name_key(name: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip().casefold()


def title_key(title: str) -> tuple[str, ...]:
    """Folded words of a title with abbreviations spelled out.

    >>> title_key("Phó Chủ tịch UBND tỉnh")
    ('pho', 'chu', 'tich', 'uy', 'ban', 'nhan', 'dan', 'tinh')
    """
    text = fold(title)
    text = re.sub(r"[.,;:()\"'“”]", " ", text).replace(" - ", " ").replace("–", " ")
    for pattern, full in ABBREVIATIONS:
        text = re.sub(pattern, full, text)
    return tuple(text.split())


def titles_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    short, long_ = sorted((a, b), key=len)
    return bool(short) and long_[: len(short)] == short  # equal, or differing only in trailing scope


def unit_class(unit: str | None) -> str:
    """'percent', 'money' or 'other': figures match only within a class.

    >>> [unit_class(u) for u in ("%/năm", "điểm %", "VND", "hộ", None)]
    ['percent', 'percent', 'money', 'other', 'other']
    """
    u = fold(unit or "")
    if u.startswith("%") or u.startswith("diem"):
        return "percent"
    if u.startswith(("vnd", "usd", "eur", "dong")):
        return "money"
    return "other"


def unit_key(unit: str | None) -> str:
    return fold(unit or "").replace("²", "2").replace("³", "3").replace(" ", "")


def values(v: Any) -> tuple[float, float] | None:
    if v is None:
        return None
    if isinstance(v, (list, tuple)):
        return (float(v[0]), float(v[-1])) if v else None
    return (float(v), float(v))


def same_value(a: tuple[float, float] | None, b: tuple[float, float] | None) -> bool:
    # zip() over a None is a TypeError in the reference too; gold figures always carry a value
    return all(abs(x - y) <= 1e-6 * max(1.0, abs(x), abs(y)) for x, y in zip(a, b))  # type: ignore[arg-type]


def syllables(text: str | None) -> set[str]:
    return set(re.findall(r"\w+", fold(text or "")))


def metric_match(gold: str | None, pred: str | None) -> bool:
    """Metrics match when their syllables mostly overlap.

    >>> metric_match("tỷ lệ hộ nghèo", "tỷ lệ hộ nghèo cuối năm")
    True
    """
    g, p = syllables(gold), syllables(pred)
    if not g or not p:
        return False
    overlap = len(g & p)
    return overlap / len(g | p) >= 0.5 or overlap / min(len(g), len(p)) >= 0.8


class Tally:
    """True positives, false positives and false negatives of one field."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass(frozen=True, slots=True)
class Error:
    """One scoring error: the reference scorer's message, plus the sentence it concerns when known."""

    message: str
    sentence: str | None = None


class _Locator:
    """Finds the sentence of an item: predictions carry spans; gold items are searched in the text."""

    def __init__(self, text: str | None) -> None:
        self.text = text or ""
        self.seen: dict[str, int] = defaultdict(int)

    def sentence_at(self, span: Any) -> str | None:
        if not self.text or not isinstance(span, (list, tuple)) or len(span) != 2:
            return None
        return sentence_around(self.text, int(span[0]), int(span[1]))

    def find(self, needle: str | None) -> str | None:
        """The sentence of the next occurrence of `needle` (gold lists figures in reading order)."""
        if not self.text or not needle:
            return None
        nth = self.seen[needle]
        self.seen[needle] += 1
        starts = [m.start() for m in re.finditer(re.escape(needle), self.text)]
        if not starts:
            return None
        start = starts[min(nth, len(starts) - 1)]
        return sentence_around(self.text, start, start + len(needle))

    def find_pattern(self, pattern: str) -> str | None:
        """The sentence of the first match of a regular expression."""
        m = re.search(pattern, self.text, re.IGNORECASE) if self.text else None
        return sentence_around(self.text, m.start(), m.end()) if m else None

    def find_date(self, value: str) -> str | None:
        """Where a gold date value is written: "17/3", "08/11/2016", "ngày 8 tháng 11", "tháng 3/2021"."""
        parts = value.split("-")
        if len(parts) == 3:
            _, month, day = (int(x) for x in parts)
            return self.find_pattern(rf"(?<!\d)0?{day}\s*(?:[/.-]|tháng)\s*0?{month}(?!\d)")
        if len(parts) == 2:
            year, month = (int(x) for x in parts)
            return self.find_pattern(rf"tháng\s*0?{month}\s*(?:/|năm)\s*{year}")
        return None

    def find_period(self, start: int, end: int) -> str | None:
        return self.find_pattern(rf"{start}\s*[-–—]\s*(?:{end}|{end % 100:02d})(?!\d)")


_BOUNDARY = re.compile(r"[.!?…]+[\"”)]?\s+(?=[\"“(]?[^\W\d_])|\n")


def _boundaries(text: str, start: int, end: int) -> list[int]:
    """Offsets where a sentence ends: a stop before a capital letter, or a line break."""
    return [m.end() for m in _BOUNDARY.finditer(text, start, end)
            if m.group() == "\n" or text[m.end():m.end() + 2].lstrip("\"“(")[:1].isupper()]


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding text[start:end], trimmed.

    >>> sentence_around("Năm 2020 đạt 8,36%. Năm 2021 còn 3,45% hộ.", 28, 33)
    'Năm 2021 còn 3,45% hộ.'
    """
    before = _boundaries(text, 0, start)
    left = before[-1] if before else 0
    after = _boundaries(text, end, len(text))
    right = after[0] if after else len(text)
    return text[left:right].strip()


def _match_figures(gold: list[dict], pred: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    pred = [p for p in pred if values(p.get("value")) is not None]
    used: set[int] = set()
    pairs, missed = [], []
    for g in gold:
        gv, gc = values(g.get("value")), unit_class(g.get("unit"))
        candidates = [i for i, p in enumerate(pred) if i not in used
                      and same_value(gv, values(p["value"])) and unit_class(p.get("unit")) == gc]
        if not candidates:
            missed.append(g)
            continue
        # prefer the candidate whose surface text overlaps the gold text; else the first in order
        best = next((i for i in candidates if (p := pred[i].get("text", "")) and
                     (p in g.get("text", "") or g.get("text", "") in p)), candidates[0])
        used.add(best)
        pairs.append((g, pred[best]))
    spurious = [p for i, p in enumerate(pred) if i not in used]
    return pairs, missed, spurious


def _attribute_ok(name: str, g: dict, p: dict) -> bool | None:
    gv, pv = g.get(name), p.get(name)
    if name == "metric":
        return None if not gv else metric_match(gv, pv)
    if name == "unit":
        a, b = unit_key(gv), unit_key(pv)
        if unit_class(gv) == "other" and a and b:
            return a.split("/")[0][:3] == b.split("/")[0][:3] or a.startswith(b) or b.startswith(a)
        return a == b
    if name == "period":
        return (list(gv) if gv else None) == (list(pv) if pv else None)
    if name == "target":
        return bool(gv) == bool(pv)
    return bool(gv == pv)


def _label_of(name: str, item: dict) -> Any:
    v = item.get(name)
    if name == "target":
        return True if v else None
    if name == "period":
        return tuple(v) if v else None
    return v


def _set_score(tally: Tally, gold: dict[Any, str | None], pred: dict[Any, str | None],
               errors: list[Error], label: str) -> None:
    """Score two sets; the dict values are each key's sentence, for the error list."""
    g, p = set(gold), set(pred)
    tally.add(len(g & p), len(p - g), len(g - p))
    errors += [Error(f"{label} missed: {k}", gold[k]) for k in sorted(g - p, key=str)]
    errors += [Error(f"{label} spurious: {k}", pred[k]) for k in sorted(p - g, key=str)]


def score_document(gold: dict, pred: dict, tallies: dict[str, Tally], attrs: dict[str, list[int]],
                   errors: list[Error], text: str | None = None) -> None:
    """Add one document's counts to `tallies`/`attrs` and its errors to `errors`.

    `text` is the document text the prediction's spans index; it only serves the error sentences.
    """
    where = _Locator(text)
    pairs, missed, spurious = _match_figures(gold.get("figures", []), pred.get("figures", []))
    tallies["figures"].add(len(pairs), len(spurious), len(missed))
    gold_sentences = {id(g): where.find(g.get("text")) for g in gold.get("figures", [])}
    errors += [Error(f"figure missed: {g.get('text')!r} = {g.get('value')} {g.get('unit')}",
                     gold_sentences[id(g)]) for g in missed]
    errors += [Error(f"figure spurious: {p.get('text')!r} = {p.get('value')} {p.get('unit')}",
                     p.get("sentence") or where.sentence_at(p.get("span"))) for p in spurious]
    for g, p in pairs:
        sentence = p.get("sentence") or where.sentence_at(p.get("span"))
        for name in ACCURACY:
            ok = _attribute_ok(name, g, p)
            if ok is None:
                continue
            attrs[name][0] += ok
            attrs[name][1] += 1
            if not ok:
                errors.append(Error(f"figure {g.get('text')!r} {name}: gold {g.get(name)!r}, "
                                    f"got {p.get(name)!r}", sentence))
        for name in LABELS:
            gl, pl = _label_of(name, g), _label_of(name, p)
            tallies[f"figure.{name}"].add(int(gl is not None and gl == pl), int(pl is not None and pl != gl),
                                          int(gl is not None and gl != pl))
            if gl != pl:
                errors.append(Error(f"figure {g.get('text')!r} {name}: gold {g.get(name)!r}, "
                                    f"got {p.get(name)!r}", sentence))

    gold_people = {name_key(o["name"]): o for o in gold.get("officials", [])}
    pred_people = {name_key(o.get("name", "")): o for o in pred.get("officials", [])}
    _set_score(tallies["officials"],
               {k: where.find(o["name"]) for k, o in gold_people.items()},
               {k: where.sentence_at((o.get("mentions") or [None])[0]) for k, o in pred_people.items()},
               errors, "official")
    for key in set(gold_people) & set(pred_people):
        g_titles = [title_key(t) for t in gold_people[key].get("titles", [])]
        p_titles = [title_key(t) for t in pred_people[key].get("titles", [])]
        hit = sum(any(titles_match(g, p) for p in p_titles) for g in g_titles)
        correct = sum(any(titles_match(g, p) for g in g_titles) for p in p_titles)
        tallies["titles"].add(hit, len(p_titles) - correct, len(g_titles) - hit)
        if hit < len(g_titles) or correct < len(p_titles):
            errors.append(Error(f"titles of {gold_people[key]['name']}: gold {gold_people[key].get('titles')}, "
                                f"got {pred_people[key].get('titles')}",
                                where.sentence_at((pred_people[key].get("mentions") or [None])[0])))

    def spans_of(items: Iterable[Any], key: Callable[[Any], Any]) -> dict[Any, str | None]:
        found: dict[Any, str | None] = {}
        for item in items:
            found.setdefault(key(item), where.sentence_at(item.get("span")) if isinstance(item, dict) else None)
        return found

    _set_score(tallies["dates"], {d: where.find_date(d) for d in gold.get("dates", [])},
               spans_of(pred.get("dates", []), lambda d: d["value"] if isinstance(d, dict) else d),
               errors, "date")
    _set_score(tallies["periods"], {tuple(p): where.find_period(*p) for p in gold.get("periods", [])},
               spans_of(pred.get("periods", []),
                        lambda p: (p["start"], p["end"]) if isinstance(p, dict) else tuple(p)),
               errors, "period")
    _set_score(tallies["years"], {y: where.find(str(y)) for y in gold.get("years", [])},
               dict.fromkeys(pred.get("years", [])), errors, "year")

    def ref_key(r: dict) -> str:
        return fold(r.get("number") or "").replace(" ", "")
    gold_refs = {ref_key(r): r for r in gold.get("references", []) if r.get("number")}
    pred_refs = {ref_key(r): r for r in pred.get("references", []) if r.get("number")}
    _set_score(tallies["references"], {k: where.find(r["number"]) for k, r in gold_refs.items()},
               {k: where.sentence_at(r.get("span")) for k, r in pred_refs.items()}, errors, "reference")
    for key in set(gold_refs) & set(pred_refs):
        for name in ("kind", "date"):
            ok = fold(gold_refs[key].get(name) or "") == fold(pred_refs[key].get(name) or "")
            attrs[f"reference.{name}"][0] += ok
            attrs[f"reference.{name}"][1] += 1
            if not ok:
                errors.append(Error(f"reference {key} {name}: gold {gold_refs[key].get(name)!r}, "
                                    f"got {pred_refs[key].get(name)!r}",
                                    where.sentence_at(pred_refs[key].get("span"))))

    gdoc, pdoc = gold.get("document", {}), pred.get("document", {}) or {}
    for name in DOCUMENT_FIELDS:
        gv, pv = gdoc.get(name), pdoc.get(name)
        gk, pk = fold(str(gv)) if gv else None, fold(str(pv)) if pv else None
        tallies[f"document.{name}"].add(int(gk is not None and gk == pk), int(pk is not None and pk != gk),
                                        int(gk is not None and gk != pk))
        if gk != pk:
            errors.append(Error(f"document {name}: gold {gv!r}, got {pv!r}"))


# ---------------------------------------------------------------- the report


@dataclass
class Report:
    """Scores over a gold set: per-item P/R/F1, per-attribute accuracy, and every error by document."""

    tallies: dict[str, Tally]
    attrs: dict[str, list[int]]
    missing: list[str] = field(default_factory=list)
    errors: dict[str, list[Error]] = field(default_factory=dict)

    @property
    def items(self) -> dict[str, dict[str, float | int]]:
        return {k: {**dict(zip(("precision", "recall", "f1"), (round(x, 3) for x in t.prf()))),
                    "support": t.tp + t.fn} for k, t in self.tallies.items()}

    @property
    def attributes(self) -> dict[str, dict[str, float | int]]:
        return {k: {"accuracy": round(ok / n, 3), "n": n} for k, (ok, n) in sorted(self.attrs.items()) if n}

    def to_dict(self) -> dict[str, Any]:
        """The object `score.py --json` prints: items, attributes, missing."""
        return {"items": self.items, "attributes": self.attributes, "missing": list(self.missing)}

    def value(self, name: str) -> float:
        """An item's F1 or an attribute's accuracy; 0.0 for an attribute never measured (as score.py)."""
        if name in self.tallies:
            return float(self.items[name]["f1"])
        return float(self.attributes.get(name, {}).get("accuracy", 0.0))

    def below(self, floors: Mapping[str, float]) -> list[str]:
        """One line per field under its floor, e.g. 'figures 0.850 < 0.9'."""
        return [f"{name} {self.value(name):.3f} < {floor}" for name, floor in floors.items()
                if self.value(name) < float(floor)]

    def table(self) -> str:
        """The plain-text table `score.py` prints."""
        lines = [f"{'item':<20}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}"]
        for k, s in self.items.items():
            lines.append(f"{k:<20}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['support']:>7}")
        lines.append(f"\n{'attribute':<20}{'acc':>7}{'n':>7}")
        for k, a in self.attributes.items():
            lines.append(f"{k:<20}{a['accuracy']:>7.3f}{a['n']:>7}")
        if self.missing:
            lines.append(f"\nno prediction for {len(self.missing)} document(s): {', '.join(self.missing)}")
        return "\n".join(lines)

    def error_lines(self) -> list[str]:
        """Every error, grouped under '== NAME', each followed by its sentence when known."""
        out: list[str] = []
        for name, errors in self.errors.items():
            if not errors:
                continue
            out.append(f"== {name}")
            for e in errors:
                out.append("  " + e.message)
                if e.sentence:
                    out.append("      in: " + e.sentence)
        return out


def score(gold: Mapping[str, dict], predictions: Mapping[str, dict | None],
          texts: Mapping[str, str] | None = None) -> Report:
    """Score predictions (by document name) against gold; a name without a prediction counts as empty."""
    tallies: dict[str, Tally] = {name: Tally() for name in ITEM_FIELDS}
    attrs: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    report = Report(tallies, attrs)
    for name in sorted(gold):
        pred = predictions.get(name)
        if pred is None:
            report.missing.append(name)
            pred = {}
        errors: list[Error] = []
        score_document(gold[name], pred, tallies, attrs, errors, (texts or {}).get(name))
        report.errors[name] = errors
    return report


def load_gold(gold_dir: str | Path) -> dict[str, dict]:
    """Every NAME.gold.json of a folder, by NAME."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise ReportExtractError(f"{folder}: not a folder of gold files")
    gold = {}
    for path in sorted(folder.glob("*" + GOLD_SUFFIX)):
        try:
            gold[path.name[: -len(GOLD_SUFFIX)]] = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise ReportExtractError(f"{path}: not valid JSON ({exc})") from None
    if not gold:
        raise ReportExtractError(f"{folder}: no *{GOLD_SUFFIX} files")
    return gold


def find_input(folder: Path, name: str) -> Path | None:
    """NAME.txt, else NAME in another format (NAME.pdf, NAME.docx, NAME.html …) in `folder`."""
    txt = folder / f"{name}.txt"
    if txt.is_file():
        return txt
    found = [p for p in sorted(folder.glob(f"{glob_escape(name)}.*"))
             if p.is_file() and p.suffix != ".json" and p.name[len(name):].count(".") == 1]
    return found[0] if found else None


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def evaluate(gold_dir: str | Path, input_dir: str | Path | None = None, *,
             extract: Callable[[Path], Any] | None = None) -> Report:
    """Extract every document that has a gold file and score the result.

    A document whose input is absent or cannot be read is listed in `missing` and scored as empty.
    `extract` maps a path to a `Document` (default: `api.extract_file`).
    """
    if extract is None:
        from .api import extract_file as extract
    gold = load_gold(gold_dir)
    folder = Path(input_dir) if input_dir is not None else Path(gold_dir)
    predictions: dict[str, dict | None] = {}
    texts: dict[str, str] = {}
    for name in gold:
        path = find_input(folder, name)
        if path is None:
            continue
        try:
            doc = extract(path)
        except ReportExtractError:
            continue
        predictions[name] = doc.to_dict()
        texts[name] = doc.text
    return score(gold, predictions, texts)


def parse_floors(bounds: Iterable[str]) -> dict[str, float]:
    """'figures=0.9' strings to {'figures': 0.9}; unknown field names are an error.

    >>> parse_floors(["figures=0.9", "metric=0.5"])
    {'figures': 0.9, 'metric': 0.5}
    """
    floors = {}
    for bound in bounds:
        name, sep, value = bound.partition("=")
        if not sep or name not in (*ITEM_FIELDS, *ATTRIBUTE_FIELDS):
            raise ReportExtractError(f"--min {bound!r}: expected FIELD=NUMBER with FIELD one of "
                                     + ", ".join((*ITEM_FIELDS, *ATTRIBUTE_FIELDS)))
        try:
            floors[name] = float(value)
        except ValueError:
            raise ReportExtractError(f"--min {bound!r}: {value!r} is not a number") from None
    return floors
