"""The pipeline's span container: our whitespace tokenizer (spaCy's rule-less Tokenizer) builds the Doc spaCy's blank Vietnamese one
builds, and sentence bounds follow the sentence starts the component sets."""
from __future__ import annotations

import random

import pytest
import spacy
from spacy.vocab import Vocab

from reportextract.nlp import get_pipeline, make_doc, sentence_bounds, whitespace_tokenizer

PIECES = ["Hà", "Nội,", "ngày", "5/3/2024", "Đồng chí", "3,5%", " ", "  ", "\n", "\n\n", " \n ", "\t",
          "\u00a0", "\u3000", "\x1c", "\u2028", "\x85", "-", "“Xin”", "(1)", "ủy", "o\u0300"]


@pytest.fixture(scope="module")
def blank_vi():
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})


def test_whitespace_tokenizer_builds_spacys_doc(blank_vi) -> None:
    rnd = random.Random(3)
    texts = ["", " ", "a", "a b", " a ", "a  b", "a \n b", "\n"]
    texts += ["".join(rnd.choice(PIECES) for _ in range(rnd.randrange(1, 15))) for _ in range(3000)]
    for text in texts:
        theirs = blank_vi(text)
        ours = make_doc(text)
        assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in theirs], repr(text)
        assert ours.text == text


@pytest.mark.parametrize("text, tokens", [
    ("Hà Nội", [("Hà", " "), ("Nội", "")]),
    ("  lead", [("  ", ""), ("lead", "")]),
    ("two  gaps", [("two", " "), (" ", ""), ("gaps", "")]),
    ("line\n next", [("line", ""), ("\n ", ""), ("next", "")]),
    ("end \n", [("end", " "), ("\n", "")]),
], ids=["one-space", "leading-run", "double-space", "newline-run", "space-then-newline"])
def test_whitespace_tokens(text: str, tokens: list[tuple[str, str]]) -> None:
    assert [(t.text, t.whitespace_) for t in make_doc(text)] == tokens


def test_tokenizer_cache_does_not_change_tokens(blank_vi) -> None:
    """The tokenizer caches chunks: the same chunk in a new context, and after the cache is full, splits alike."""
    tokenizer = whitespace_tokenizer(Vocab())
    tokenizer.max_cache_size = 50
    rnd = random.Random(11)
    for _ in range(2000):
        text = "".join(rnd.choice(PIECES) for _ in range(rnd.randrange(1, 15)))
        assert [(t.text, t.whitespace_) for t in tokenizer(text)] == \
            [(t.text, t.whitespace_) for t in blank_vi(text)], repr(text)


def test_sentence_bounds_are_trimmed_sentences() -> None:
    text = "Tỉnh có 12 xã. Năm 2025 đạt 3%.\n\n  Ông Lê Văn An phát biểu!  \nHết"
    doc = get_pipeline()(make_doc(text))
    bounds = sentence_bounds(doc)
    assert [text[s:e] for s, e in bounds] == ["Tỉnh có 12 xã.", "Năm 2025 đạt 3%.", "Ông Lê Văn An phát biểu!",
                                              "Hết"]
    assert [(s.start_char, s.end_char) for s in doc.sents][0] == bounds[0]


def test_sentence_bounds_equal_spacys_sentences_trimmed() -> None:
    rnd = random.Random(5)
    words = ["Tỉnh", "có", "12", "xã.", "TP.", "Hồ", "Chí", "Minh", "đạt!", "3,5%?", "“Ông", "An”.", "\n", "\n\n",
             " ", "(1)", "- Một", "…", "v.v.", "Ba"]
    for _ in range(2000):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randrange(0, 20)))
        doc = get_pipeline()(make_doc(text))
        want = []
        for sent in doc.sents:
            chunk = text[sent.start_char:sent.end_char]
            s = sent.start_char + len(chunk) - len(chunk.lstrip())
            e = sent.end_char - (len(chunk) - len(chunk.rstrip()))
            if e > s:
                want.append((s, e))
        assert sentence_bounds(doc) == want, repr(text)
