"""The batch command: input walking, archive safety, ordered parallel output, error rows, CSV, resume."""
from __future__ import annotations

import io
import json
import os
import stat
import tarfile
import zipfile
from pathlib import Path

import pytest

from reportextract import batch
from reportextract.batch import (
    Item,
    JsonlSink,
    Progress,
    Stats,
    iter_items,
    run_batch,
)
from reportextract.cli import cli
from reportextract.export.csv import COLUMNS, FigureCsvWriter

# Short documents written for these tests; the numbers vary so every file has its own sha256.
TEMPLATE = """BÁO CÁO KẾT QUẢ GIẢM NGHÈO NĂM {year}
Ngày cập nhật {day:02d}/12/{year}

Năm {year}, toàn huyện có {households} hộ thoát nghèo, tỷ lệ hộ nghèo giảm còn {rate}%.
Tổng vốn hỗ trợ đạt {money} tỷ đồng, trong đó có {schools} trường học được xây mới.
Đồng chí Trần Văn Minh, Chủ tịch UBND huyện, phát biểu tại hội nghị tổng kết.
"""


def doc_text(i: int) -> str:
    return TEMPLATE.format(year=2016 + i % 8, day=1 + i % 28, households=100 + i,
                           rate=f"{2 + i % 7},{i % 10}", money=f"{10 + i},5", schools=3 + i % 5)


def make_docs(folder: Path, n: int, prefix: str = "doc", start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"{prefix}{i:03d}.txt"
        p.write_text(doc_text(start + i), encoding="utf-8")
        paths.append(p)
    return paths


def rows_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def paths_of(items) -> list[str]:
    return [item.path for item in items]


# ---------------------------------------------------------------- walking inputs

def test_folder_is_walked_recursively_in_sorted_order_without_hidden_files(tmp_path: Path) -> None:
    make_docs(tmp_path / "b", 2)
    make_docs(tmp_path / "a" / "deep", 1)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("ẩn", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ẩn", encoding="utf-8")
    base = str(tmp_path)
    assert paths_of(iter_items([base])) == [
        f"{base}/a/deep/doc000.txt", f"{base}/b/doc000.txt", f"{base}/b/doc001.txt"]


def test_glob_stdin_list_and_plain_files_keep_argument_order(tmp_path: Path) -> None:
    make_docs(tmp_path, 3)
    d = str(tmp_path)
    stdin = io.StringIO(f"{d}/doc002.txt\n\n{d}/doc000.txt\n")
    got = paths_of(iter_items([f"{d}/doc001.txt", "-", f"{d}/doc00[02].txt"], stdin=stdin))
    assert got == [f"{d}/doc001.txt", f"{d}/doc002.txt", f"{d}/doc000.txt",
                   f"{d}/doc000.txt", f"{d}/doc002.txt"]


@pytest.mark.parametrize("arg,needle", [
    ("missing.txt", "no such file"),
    ("nothing-*.txt", "no file matches"),
], ids=["missing-file", "empty-glob"])
def test_unreadable_inputs_become_error_items(tmp_path: Path, arg: str, needle: str) -> None:
    [item] = iter_items([str(tmp_path / arg)])
    assert item.data is None and item.error is not None
    assert item.error[0] == "InputError" and needle in item.error[1]


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _tar(path: Path, members: dict[str, bytes], mode: str = "w") -> Path:
    with tarfile.open(path, mode) as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return path


@pytest.mark.parametrize("name,mode", [
    ("a.zip", None), ("a.tar", "w"), ("a.tar.gz", "w:gz"), ("a.tgz", "w:gz"), ("a.tar.xz", "w:xz"),
], ids=["zip", "tar", "tar.gz", "tgz", "tar.xz"])
def test_archive_members_are_read_in_memory_with_bang_paths(tmp_path: Path, name: str, mode) -> None:
    members = {"folder/one.txt": doc_text(1).encode(), "./two.txt": doc_text(2).encode()}
    path = tmp_path / name
    _zip(path, members) if mode is None else _tar(path, members, mode)
    items = list(iter_items([str(path)]))
    assert paths_of(items) == [f"{path}!/folder/one.txt", f"{path}!/two.txt"]
    assert items[0].data == doc_text(1).encode()
    assert not list(tmp_path.glob("**/one.txt"))  # nothing was extracted to disk


@pytest.mark.parametrize("name,members", [
    ("report.docx", {"word/document.xml": b"<w:document/>"}),
    ("report-without-extension", {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}),
], ids=["by-name", "by-content"])
def test_docx_is_a_document_not_an_archive(tmp_path: Path, name: str, members: dict) -> None:
    path = _zip(tmp_path / name, members)
    [item] = iter_items([str(path)])
    assert item.path == str(path) and item.data == path.read_bytes()


def test_zip_with_a_word_folder_is_still_an_archive(tmp_path: Path) -> None:
    path = _zip(tmp_path / "a.zip", {"keyword/word/notes.txt": doc_text(0).encode()})
    [item] = iter_items([str(path)])
    assert item.path == f"{path}!/keyword/word/notes.txt"


def _zip_special(path: Path, name: str, mode: int) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        info = zipfile.ZipInfo(name)
        info.create_system = 3
        info.external_attr = mode << 16
        zf.writestr(info, b"target.txt")
        zf.writestr("ok.txt", doc_text(0))
    return path


def _tar_special(path: Path, name: str, kind: bytes) -> Path:
    with tarfile.open(path, "w") as tf:
        info = tarfile.TarInfo(name)
        info.type = kind
        info.linkname = "/etc/passwd"
        tf.addfile(info)
        data = doc_text(0).encode()
        ok = tarfile.TarInfo("ok.txt")
        ok.size = len(data)
        tf.addfile(ok, io.BytesIO(data))
    return path


UNSAFE = [
    ("zip-absolute", lambda d: _zip(d / "a.zip", {"/etc/evil.txt": b"x", "ok.txt": doc_text(0).encode()}),
     "unsafe member path"),
    ("zip-dotdot", lambda d: _zip(d / "a.zip", {"sub/../../evil.txt": b"x", "ok.txt": doc_text(0).encode()}),
     "unsafe member path"),
    ("zip-symlink", lambda d: _zip_special(d / "a.zip", "link.txt", stat.S_IFLNK | 0o777), "symbolic link"),
    ("zip-device", lambda d: _zip_special(d / "a.zip", "dev.txt", stat.S_IFCHR | 0o644), "device"),
    ("tar-absolute", lambda d: _tar(d / "a.tar", {"/abs.txt": b"x", "ok.txt": doc_text(0).encode()}),
     "unsafe member path"),
    ("tar-dotdot", lambda d: _tar(d / "a.tar", {"../up.txt": b"x", "ok.txt": doc_text(0).encode()}),
     "unsafe member path"),
    ("tar-symlink", lambda d: _tar_special(d / "a.tar", "link.txt", tarfile.SYMTYPE), "link"),
    ("tar-hardlink", lambda d: _tar_special(d / "a.tar", "hard.txt", tarfile.LNKTYPE), "link"),
    ("tar-device", lambda d: _tar_special(d / "a.tar", "dev.txt", tarfile.CHRTYPE), "device"),
    ("tar-fifo", lambda d: _tar_special(d / "a.tar", "fifo.txt", tarfile.FIFOTYPE), "device"),
]


@pytest.mark.parametrize("make,needle", [(m, n) for _, m, n in UNSAFE], ids=[i for i, _, _ in UNSAFE])
def test_unsafe_members_are_error_rows_and_the_rest_is_read(tmp_path: Path, make, needle: str) -> None:
    path = make(tmp_path)
    bad, ok = list(iter_items([str(path)]))
    assert bad.data is None and bad.error[0] == "FormatError" and needle in bad.error[1]
    assert ok.path == f"{path}!/ok.txt" and ok.data == doc_text(0).encode()


@pytest.mark.parametrize("make", [
    lambda d: _zip(d / "a.zip", {"big.txt": b"a" * 5000, "ok.txt": b"b" * 100}),
    lambda d: _tar(d / "a.tar.gz", {"big.txt": b"a" * 5000, "ok.txt": b"b" * 100}, "w:gz"),
], ids=["zip", "tar.gz"])
def test_members_over_max_bytes_are_refused(tmp_path: Path, make) -> None:
    path = make(tmp_path)
    big, ok = list(iter_items([str(path)], max_bytes=1000))
    assert big.error is not None and "over --max-bytes" in big.error[1]
    assert ok.data == b"b" * 100


def test_files_and_archives_over_max_bytes_are_refused(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"x" * 3000)
    _zip(tmp_path / "big.zip", {f"m{i}.txt": os.urandom(1000) for i in range(3)})
    items = list(iter_items([str(tmp_path / "big.txt"), str(tmp_path / "big.zip")], max_bytes=2000))
    assert [i.error[0] for i in items] == ["InputError", "InputError"]
    assert all("over --max-bytes" in i.error[1] for i in items)


def test_zip_bomb_is_refused_by_its_ratio(tmp_path: Path) -> None:
    path = _zip(tmp_path / "bomb.zip", {"zeros.txt": bytes(20_000_000), "ok.txt": doc_text(0).encode()})
    assert path.stat().st_size < 100_000
    bomb, ok = list(iter_items([str(path)]))
    assert bomb.error is not None and "zip bomb" in bomb.error[1]
    assert ok.data is not None


def test_zip_whose_header_lies_about_the_size_is_an_error_row(tmp_path: Path) -> None:
    data = doc_text(0).encode()
    path = _zip(tmp_path / "lie.zip", {"lie.txt": data})
    raw = path.read_bytes()
    # Patch the uncompressed size in the central directory (offset 24 of its header) to 10 bytes.
    cd = raw.rfind(b"PK\x01\x02")
    raw = raw[:cd + 24] + (10).to_bytes(4, "little") + raw[cd + 28:]
    path.write_bytes(raw)
    [item] = iter_items([str(path)])
    assert item.data is None and item.error[0] == "FormatError"


def test_bounded_reader_stops_an_endless_stream() -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, b) -> int:
            b[:] = bytes(len(b))
            return len(b)

    assert batch._read_bounded(Endless(), 5_000_000) is None
    assert batch._read_bounded(io.BytesIO(b"abc"), 3) == b"abc"


def test_broken_archive_is_one_error_row(tmp_path: Path) -> None:
    path = _tar(tmp_path / "a.tar.gz", {f"m{i}.txt": os.urandom(4000) for i in range(20)}, "w:gz")
    path.write_bytes(path.read_bytes()[:-3000])  # cut mid-stream
    items = list(iter_items([str(path)]))
    assert items[-1].path == str(path) and "broken tar archive" in items[-1].error[1]


# ---------------------------------------------------------------- running batches

@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Twelve documents, a subfolder, one zip, and one file that cannot be read."""
    root = tmp_path_factory.mktemp("corpus")
    make_docs(root / "docs", 8)
    make_docs(root / "docs" / "sub", 2, prefix="sub", start=20)
    _zip(root / "docs" / "more.zip", {f"z/{i}.txt": doc_text(50 + i).encode() for i in range(2)})
    (root / "docs" / "broken.bin").write_bytes(b"\x00\x01\x02\x03" * 40)
    return root


def _batch(runner, args: list[str]):
    return runner.invoke(cli, ["batch", "--quiet", *args], catch_exceptions=False)


def test_jobs_give_byte_identical_ordered_output(runner, corpus: Path, tmp_path: Path) -> None:
    outs = {}
    for jobs in (1, 2):
        out = tmp_path / f"j{jobs}.jsonl"
        result = _batch(runner, [str(corpus / "docs"), "-o", str(out), "--jobs", str(jobs)])
        assert result.exit_code == 1  # broken.bin
        outs[jobs] = out.read_bytes()
    assert outs[1] == outs[2]
    rows = [json.loads(line) for line in outs[1].decode().splitlines()]
    paths = [r["source"]["path"] for r in rows]
    assert paths == [i.path for i in iter_items([str(corpus / "docs")])]
    assert len(rows) == 13 and sum("error" in r for r in rows) == 1


def test_error_row_shape_and_exit_code(runner, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    missing = str(tmp_path / "missing.txt")
    result = _batch(runner, [str(corpus / "docs" / "broken.bin"), missing, "-o", str(out)])
    assert result.exit_code == 1
    bad, gone = rows_of(out)
    assert set(bad) == {"source", "error"} and set(bad["error"]) == {"type", "message"}
    assert bad["source"]["path"].endswith("broken.bin") and bad["error"]["type"] == "DecodeError"
    assert gone == {"source": {"path": missing, "sha256": None},
                    "error": {"type": "InputError", "message": f"[E101] {missing}: no such file"}}


def test_all_good_exits_0_with_a_summary_line(runner, corpus: Path, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["batch", str(corpus / "docs" / "sub"), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 0
    assert "2 files: 2 extracted, 0 failed" in result.output
    quiet = _batch(runner, [str(corpus / "docs" / "sub"), "-o", str(tmp_path / "q.jsonl")])
    assert quiet.output == ""


def test_stdout_when_no_output_and_stdin_path_list(runner, corpus: Path) -> None:
    listing = "\n".join(str(p) for p in sorted((corpus / "docs" / "sub").iterdir())) + "\n"
    result = runner.invoke(cli, ["batch", "-q", "-"], input=listing)
    assert result.exit_code == 0
    assert [json.loads(x)["source"]["path"] for x in result.output.splitlines()] == listing.split()


def test_csv_has_one_row_per_figure(runner, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "figures.csv"
    jsonl = tmp_path / "all.jsonl"
    _batch(runner, [str(corpus / "docs" / "sub"), "-o", str(jsonl)])
    result = _batch(runner, [str(corpus / "docs" / "sub"), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0
    import csv

    records = list(csv.DictReader(out.open(encoding="utf-8")))
    assert tuple(records[0]) == COLUMNS
    figures = [(r["source"]["sha256"], f["text"]) for r in rows_of(jsonl) for f in r["figures"]]
    assert [(r["sha256"], r["text"]) for r in records] == figures


def test_usage_errors(runner, corpus: Path) -> None:
    assert runner.invoke(cli, ["batch", str(corpus), "--resume"]).exit_code == 2
    assert runner.invoke(cli, ["batch", str(corpus), "--scheduler", "tcp://x:1"]).exit_code == 2
    assert runner.invoke(cli, ["batch", str(corpus), "--max-bytes", "lots"]).exit_code == 2
    assert runner.invoke(cli, ["batch", str(corpus), "--format", "csv", "--db", "x.db"]).exit_code == 2


# ---------------------------------------------------------------- resume

def test_resume_drops_a_cut_line_and_skips_what_is_done(runner, corpus: Path, tmp_path: Path) -> None:
    full = tmp_path / "full.jsonl"
    _batch(runner, [str(corpus / "docs"), "-o", str(full)])
    lines = full.read_bytes().splitlines(keepends=True)
    out = tmp_path / "resumed.jsonl"
    out.write_bytes(b"".join(lines[:5]) + lines[5][:40])  # as if killed in the middle of row 6
    result = runner.invoke(cli, ["batch", str(corpus / "docs"), "-o", str(out), "--resume"])
    assert "5 skipped" in result.output
    assert sorted(out.read_bytes().splitlines()) == sorted(full.read_bytes().splitlines())
    # Everything done: a second resume adds nothing (the failed input counts as done too).
    again = runner.invoke(cli, ["batch", str(corpus / "docs"), "-o", str(out), "--resume"])
    assert again.exit_code == 0 and "0 files" in again.output
    assert sorted(out.read_bytes().splitlines()) == sorted(full.read_bytes().splitlines())


def test_resume_skips_duplicate_bytes_within_a_run(tmp_path: Path) -> None:
    make_docs(tmp_path / "a", 2)
    make_docs(tmp_path / "b", 2)  # the same two texts again
    out = tmp_path / "o.jsonl"
    sink = JsonlSink(str(out), resume=True)
    stats = run_batch([str(tmp_path / "a"), str(tmp_path / "b")], [sink], jobs=1, resume=True)
    sink.close()
    assert (stats.ok, stats.skipped) == (2, 2)
    assert len(rows_of(out)) == 2


def test_csv_resume_redoes_the_last_document(tmp_path: Path) -> None:
    make_docs(tmp_path / "d", 4)
    out = tmp_path / "f.csv"
    w = FigureCsvWriter(str(out))
    run_batch([str(tmp_path / "d")], [w], jobs=1)
    w.close()
    full = out.read_bytes()
    out.write_bytes(full[: len(full) - 30])  # cut inside the last document's rows
    w = FigureCsvWriter(str(out), resume=True)
    assert len(w.keys()) == 3
    stats = run_batch([str(tmp_path / "d")], [w], jobs=1, resume=True)
    w.close()
    assert stats.skipped == 3 and out.read_bytes() == full


# ---------------------------------------------------------------- workers

def _die_on_three(data: bytes, path: str, ocr: str) -> str:
    if path.endswith("doc003.txt"):
        os._exit(3)  # what a segfault in a PDF library looks like from the outside
    return _real_extract(data, path, ocr)


_real_extract = batch._extract


def test_a_worker_that_dies_costs_one_error_row(tmp_path: Path, monkeypatch) -> None:
    make_docs(tmp_path / "d", 10)
    # fork: the workers inherit the patched module.
    monkeypatch.setattr(batch, "_extract", _die_on_three)
    out = tmp_path / "o.jsonl"
    sink = JsonlSink(str(out))
    stats = run_batch([str(tmp_path / "d")], [sink], jobs=2)
    sink.close()
    rows = rows_of(out)
    assert [r["source"]["path"].rsplit("/", 1)[1] for r in rows] == [f"doc{i:03d}.txt" for i in range(10)]
    assert [r["error"]["type"] for r in rows if "error" in r] == ["WorkerError"]
    assert (stats.ok, stats.failed) == (9, 1)


def test_progress_draws_on_a_terminal_only() -> None:
    stats = Stats(done=10, ok=9, failed=1)
    shown, hidden = io.StringIO(), io.StringIO()
    Progress(shown, enabled=True).update(stats, force=True)
    Progress(hidden, enabled=False).update(stats, force=True)
    assert shown.getvalue().startswith("\r10 files") and "1 errors" in shown.getvalue()
    assert hidden.getvalue() == ""


def test_internal_errors_become_error_rows(monkeypatch) -> None:
    def boom(data: bytes, path: str, ocr: str) -> str:
        raise IndexError("list index out of range")

    monkeypatch.setattr(batch, "_extract", boom)
    result = batch.process_item(Item("x.txt", b"abc", "0" * 64))
    row = json.loads(result.line)
    assert not result.ok and row["error"] == {
        "type": "IndexError", "message": "x.txt: internal error: list index out of range"}



def test_output_files_inside_the_input_folder_are_not_read(runner, tmp_path: Path, monkeypatch) -> None:
    make_docs(tmp_path, 2)
    monkeypatch.chdir(tmp_path)
    for _ in range(2):  # the second run finds out.jsonl, out.sqlite and its journal in the folder
        result = runner.invoke(cli, ["batch", "-q", ".", "-o", "out.jsonl", "--db", "out.sqlite"])
        assert result.exit_code == 0, result.output
        assert [r["source"]["path"] for r in rows_of(tmp_path / "out.jsonl")] == ["./doc000.txt", "./doc001.txt"]


def test_a_pipeline_that_cannot_load_gives_error_rows_not_dead_workers(tmp_path: Path, monkeypatch) -> None:
    from reportextract import nlp
    from reportextract.errors import RuleDataError

    def broken():
        raise RuleDataError("rules/titles.json is malformed")

    make_docs(tmp_path / "d", 3)
    monkeypatch.setattr(nlp, "get_pipeline", broken)
    for jobs in (1, 2):
        out = tmp_path / f"o{jobs}.jsonl"
        sink = JsonlSink(str(out))
        run_batch([str(tmp_path / "d")], [sink], jobs=jobs)
        sink.close()
        assert {r["error"]["type"] for r in rows_of(out)} == {"RuleDataError"}
