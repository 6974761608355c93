"""The spaCy pipeline: spacy.blank("vi") as the span container, our rule components, span helpers."""
from __future__ import annotations

from bisect import bisect_right
import gc
from functools import lru_cache
from typing import Any, Iterable

import regex as re
import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, SpanGroup

# Per-document extensions. Records are not kept on Span._ : spaCy keys span extensions by
# character offsets, so two items over the same tokens (a year inside a period) would share one.
if not Doc.has_extension("info"):
    Doc.set_extension("info", default=None)      # document fields (title, kind, ...)
if not Doc.has_extension("warnings"):
    Doc.set_extension("warnings", default=None)  # list[str]
if not Doc.has_extension("source"):
    Doc.set_extension("source", default=None)    # readers.SourceText, when read from a file

# The order matters: later components read what earlier ones found.
COMPONENTS = (
    "reportextract_sentences",
    "reportextract_document",
    "reportextract_dates",
    "reportextract_references",
    "reportextract_officials",
    "reportextract_figures",
    "reportextract_tables",   # table cells (readers) -> figures; replaces text figures inside a cell
)


def whitespace_tokenizer(vocab: Any) -> Tokenizer:
    """The blank Vietnamese tokenizer without pyvi (words split at whitespace), as spaCy's own rule-less
    Tokenizer: it builds the same Doc (whitespace runs become tokens, one plain space after a word its
    trailing space) in Cython, and caches each whitespace-delimited chunk's lexemes (at most
    10,000 chunks, spaCy's default) where the vi tokenizer rebuilds words and spaces in Python per call.

    >>> from spacy.vocab import Vocab
    >>> [(t.text, t.whitespace_) for t in whitespace_tokenizer(Vocab())("  Hà Nội,  ngày 5\\n")]
    [('  ', ''), ('Hà', ' '), ('Nội,', ' '), (' ', ''), ('ngày', ' '), ('5', ''), ('\\n', '')]
    """
    return Tokenizer(vocab)


# Run once through the fresh pipeline so that the patterns our components compile on first use are
# compiled while it loads (our own sentence; any text would do, one touching every component is best).
_WARM_UP = ("Ngày 5/3/2024, đồng chí Nguyễn Văn An, Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch UBND tỉnh cho "
            "biết: thực hiện Nghị quyết số 12/NQ-HĐND, giai đoạn 2021-2025 tỷ lệ hộ nghèo giảm còn 2,5%, "
            "năm 2025 phấn đấu thu ngân sách đạt 1.200 tỷ đồng.")


@lru_cache(maxsize=1)
def get_pipeline() -> Language:
    """The shared pipeline: blank Vietnamese tokenizer (no pyvi, no model) plus our components,
    warmed up on one sentence.

    The garbage collector is paused meanwhile: loading allocates hundreds of thousands of
    long-lived objects (spaCy, compiled patterns), and each full collection it would trigger walks
    all of spaCy's objects again (measured: ~0.3 s of a cold `reportextract parse`).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        from . import extract  # noqa: F401  (registers the factories)

        nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
        nlp.tokenizer = whitespace_tokenizer(nlp.vocab)
        for name in COMPONENTS:
            nlp.add_pipe(name)
        doc = nlp.make_doc(_WARM_UP)
        doc.user_data["_text"] = _WARM_UP
        for _, proc in nlp.pipeline:
            doc = proc(doc)
    finally:
        if collecting:
            gc.enable()
    return nlp


def preload() -> bool:
    """Load the pipeline, then keep the garbage collector off everything alive so far (gc.freeze).

    For a process that extracts and exits or keeps extracting (the CLI, batch workers): those
    objects live as long as the process, and each collection of the oldest generation would walk
    them all again (~10-20% of the CPU per document in batch, ~0.3 s of a cold parse; in a forked
    worker it also writes to pages that could stay shared). Returns whether it froze anything: it
    leaves alone a process whose objects someone else has frozen. Raises what get_pipeline raises.
    """
    get_pipeline()
    if gc.get_freeze_count():
        return False
    gc.freeze()
    return True


def doc_text(doc: Doc) -> str:
    """doc.text, built once: spaCy joins every token again on each access."""
    text = doc.user_data.get("_text")
    if text is None:
        text = doc.text
        doc.user_data["_text"] = text
    return text


def _token_index(doc: Doc) -> list[int]:
    """Character offset of each token, read in one array call (iterating Tokens is slow)."""
    starts = doc.user_data.get("_tok_starts")
    if starts is None:
        starts = doc.to_array(IDX).tolist() if len(doc) else []
        doc.user_data["_tok_starts"] = starts
    return starts


def make_doc(text: str) -> Doc:
    """Tokenise `text` with the shared pipeline's tokenizer, remembering the text itself."""
    doc = get_pipeline().make_doc(text)
    doc.user_data["_text"] = text
    return doc


def make_span(doc: Doc, start: int, end: int, label: str = "") -> Span:
    """The token span covering characters [start, end): never None, whatever the tokenisation.

    The exact offsets live in the record (`span._.data["span"]`), not in the token boundaries.
    """
    starts = _token_index(doc)
    n = len(starts)
    i = max(0, bisect_right(starts, start) - 1)
    j = max(i + 1, bisect_right(starts, max(start, end - 1)))
    return Span(doc, i, min(j, n), label=label)


def add_items(doc: Doc, key: str, records: Iterable[dict[str, Any]]) -> None:
    """Store records as doc.spans[key]; record i (with its exact "span": (start, end)) rides along
    in the group's attrs["records"][i]."""
    records = list(records) if len(doc) else []
    starts = _token_index(doc)
    n = len(starts)
    label = doc.vocab.strings.add(key)
    spans = []
    append = spans.append
    for r in records:  # make_span, inlined: a document has dozens of items
        start, end = r["span"]
        # make_span's max/min spelled as conditionals, and the label passed by position: Span's
        # Cython constructor parses keyword arguments slowly (together ~30% of this function)
        i = bisect_right(starts, start) - 1
        if i < 0:
            i = 0
        j = bisect_right(starts, end - 1 if end - 1 > start else start)
        if j <= i:
            j = i + 1
        append(Span(doc, i, j if j < n else n, label))
    doc.spans[key] = SpanGroup(doc, name=key, spans=spans, attrs={"records": records})


def items(doc: Doc, key: str) -> list[dict[str, Any]]:
    """The records an earlier component stored under `key` (empty when none)."""
    if key not in doc.spans:
        return []
    return doc.spans[key].attrs.get("records", [])


def warn(doc: Doc, message: str) -> None:
    if doc._.warnings is None:
        doc._.warnings = []
    doc._.warnings.append(message)


# ------------------------------------------------------------------ sentences

# A sentence ends at a line break, or at ". ! ? …" (maybe closed by a quote or bracket) followed by
# a space and a capital, digit, quote, bracket or list mark. Abbreviations such as "TP." do not end one.
_SENT_BREAK = re.compile(
    r"\n\s*(?=\S)"
    r"|(?<!(?:^|\s)(?:TP|Tp|ThS|TS|PGS|GS|BS|KS|St|P|Q|v\.v|\p{Lu}))[.!?…]+[\"”’)]?\s+"
    r"(?=[\p{Lu}\d\"“‘(\-–•+*])"
)
# The regex module's \s: the characters str.isspace() holds but for \x1c-\x1f (tests/test_scans_speed7.py
# checks every code point).
_SPACE = frozenset(c for c in map(chr, range(0x3001)) if c.isspace()) - frozenset("\x1c\x1d\x1e\x1f")
# What may follow a match's first "[.!?…]": another of them, a closing quote or bracket, or a space.
_AFTER_STOP = frozenset(".!?…\"”’)") | _SPACE


def _sentence_breaks(text: str) -> list[int]:
    r"""The ends of _SENT_BREAK.finditer(text)'s matches, without its scan of every character (whose
    lookbehind runs at each one). Every match opens with "\n" or one of ".!?…": each is found with
    str.find and, in order, `pos` skipping those inside the match before (as finditer does), the match
    tried there only. A "\n" needs no pattern: "\n\s*(?=\S)" ends at the first non-space after it
    (giving spaces back leaves a space next, so there is no match when only spaces follow). A stop
    that no stop, closing quote or bracket, nor space follows cannot open the second branch's match."""
    cands = []
    find = text.find
    for c in ("\n", ".", "!", "?", "…"):
        i = find(c)
        while i >= 0:
            cands.append(i)
            i = find(c, i + 1)
    cands.sort()
    out = []
    pos = 0
    n = len(text)
    match = _SENT_BREAK.match
    for p in cands:
        if p < pos:
            continue
        if text[p] == "\n":
            q = p + 1
            while q < n and text[q] in _SPACE:
                q += 1
            if q < n:
                out.append(q)
                pos = q
        elif text[p + 1:p + 2] in _AFTER_STOP:
            m = match(text, p)
            if m:
                pos = m.end()
                out.append(pos)
    return out


@Language.component("reportextract_sentences", assigns=["token.is_sent_start"])
def sentence_component(doc: Doc) -> Doc:
    """Sentence starts from the text's punctuation and line breaks, set in one array write."""
    n = len(doc)
    if not n:
        return doc
    starts = _token_index(doc)
    text = doc_text(doc)
    flags = numpy.full((n, 1), -1, dtype="int64")
    flags[0, 0] = 1
    opens = [0]  # character offsets of the sentences' first tokens
    last = 0
    for end in _sentence_breaks(text):
        i = bisect_right(starts, end) - 1
        if last < i < n and starts[i] == end:
            flags[i, 0] = 1
            opens.append(end)
            last = i
    doc.from_array([SENT_START], flags.view("uint64"))  # spaCy reads -1 ("not a start") this way
    # the same sentences as doc.sents gives them, trimmed, without making a Span for each
    bounds = []
    for s, e in zip(opens, opens[1:] + [len(text)]):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            bounds.append((s, e))
    doc.user_data["_sents"] = bounds
    return doc


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence, trimmed of surrounding spaces."""
    cached = doc.user_data.get("_sents")
    if cached is not None:
        return cached
    bounds = []
    text = doc_text(doc)
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            bounds.append((s, e))
    doc.user_data["_sents"] = bounds
    return bounds


def sentence_at(doc: Doc, offset: int) -> tuple[int, int]:
    """The sentence (start, end) holding character `offset`."""
    bounds = sentence_bounds(doc)
    starts = doc.user_data.get("_sent_starts")
    if starts is None:
        starts = doc.user_data["_sent_starts"] = [b[0] for b in bounds]
    k = bisect_right(starts, offset) - 1
    if k < 0:
        return (0, 0) if not bounds else bounds[0]
    return bounds[k]
