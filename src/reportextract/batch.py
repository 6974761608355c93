"""Batch extraction: walk inputs and archives, extract on worker processes or Dask, in order, resumable."""
from __future__ import annotations

import bz2
import gc
import glob
import gzip
import hashlib
import json
import lzma
import multiprocessing
import os
import re
import signal
import stat
import sys
import tarfile
import time
import zipfile
import zlib
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import IO, Any, Callable, Iterable, Iterator, Protocol

from .errors import FormatError, InputError, ReportExtractError

DEFAULT_MAX_BYTES = 50 * 1000 * 1000
CHUNK_DOCS = 8            # documents per task: amortises the per-task cost of pipes and Dask
CHUNK_BYTES = 1 << 20     # ...but a chunk of big PDFs stays one or two documents
ZIP_BOMB_RATIO = 100      # deflate reaches ~1000x on junk; real documents stay far below 100x
_SHA_RE = re.compile(r'"sha256":"([0-9a-f]{64})"')


# ---------------------------------------------------------------- items and results

@dataclass(frozen=True, slots=True)
class Item:
    """One unit of work: a document's bytes under its display path, or an error found before reading."""

    path: str
    data: bytes | None = None
    sha256: str | None = None
    error: tuple[str, str] | None = None  # (type, message) when the input was refused or unreadable

    @property
    def key(self) -> str:
        return self.sha256 or "path:" + self.path


@dataclass(frozen=True, slots=True)
class Result:
    """What a worker hands back: the JSON Lines row (a document or an error row)."""

    path: str
    sha256: str | None
    line: str
    ok: bool

    @property
    def key(self) -> str:
        return self.sha256 or "path:" + self.path

    def row(self) -> dict[str, Any]:
        return json.loads(self.line)


def row_key(row: dict[str, Any]) -> str:
    """The resume key of an output row: its input's sha256, else its path (unreadable inputs)."""
    src = row.get("source") or {}
    return src.get("sha256") or "path:" + str(src.get("path"))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _error_item(path: str, exc: BaseException, sha: str | None = None) -> Item:
    return Item(path, None, sha, (type(exc).__name__, _one_line(str(exc))))


def error_row(path: str, sha: str | None, etype: str, message: str) -> str:
    """The JSON Lines row of an input that failed."""
    from .export.json import dumps_line

    return dumps_line({"source": {"path": path, "sha256": sha},
                       "error": {"type": etype, "message": message}})


# ---------------------------------------------------------------- the worker side

def _extract(data: bytes, path: str, ocr: str) -> str:
    from .api import extract_bytes
    from .export.json import dumps_line

    return dumps_line(extract_bytes(data, path, ocr=ocr))


def process_item(item: Item, ocr: str = "auto") -> Result:
    """Extract one item into its row; never raises (a failure is an error row)."""
    if item.error is not None or item.data is None:
        etype, message = item.error or ("InputError", f"{item.path}: no data")
        return Result(item.path, item.sha256, error_row(item.path, item.sha256, etype, message), False)
    try:
        return Result(item.path, item.sha256, _extract(item.data, item.path, ocr), True)
    except Exception as exc:  # a bug in one extractor must not stop the batch either
        message = _one_line(str(exc)) or type(exc).__name__
        if not isinstance(exc, ReportExtractError):
            message = f"{item.path}: internal error: {message}"
        return Result(item.path, item.sha256,
                      error_row(item.path, item.sha256, type(exc).__name__, message), False)


def process_chunk(chunk: list[Item], ocr: str = "auto") -> list[Result]:
    """The task both engines run: a few items in, their rows out, in order."""
    return [process_item(item, ocr) for item in chunk]


def _crash_result(item: Item) -> Result:
    message = f"{item.path}: the worker process died on this document (crash or out of memory)"
    return Result(item.path, item.sha256, error_row(item.path, item.sha256, "WorkerError", message),
                  False)


# ---------------------------------------------------------------- walking inputs

def parse_size(text: str) -> int:
    """Bytes from "50MB", "512k", "2GiB" or a plain number.

    >>> parse_size("50MB"), parse_size("1k"), parse_size("2MiB"), parse_size("123")
    (50000000, 1000, 2097152, 123)
    """
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?)b?\s*", text.lower())
    if not m:
        raise ValueError(f"not a size: {text!r}")
    base = 1024 if m.group(3) else 1000
    return int(float(m.group(1)) * base ** " kmgt".index(m.group(2) or " "))


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def _unsafe_name(name: str) -> bool:
    """Absolute, drive-letter or `..` member paths could escape any folder they were written to."""
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
        return True
    return ".." in re.split(r"[/\\]", name)


def _shown_name(name: str) -> str:
    """A member's name in `archive!/name` form: tar's customary "./" prefix dropped."""
    while name.startswith("./"):
        name = name[2:]
    return name


def _read_bounded(f: IO[bytes], limit: int) -> bytes | None:
    """At most `limit` bytes, or None when there are more: a lying header cannot fill memory."""
    buf = bytearray()
    while True:
        chunk = f.read(min(1 << 20, limit + 1 - len(buf)))
        if not chunk:
            return bytes(buf)
        buf += chunk
        if len(buf) > limit:
            return None


def _archive_kind(head: bytes, name: str) -> str | None:
    """"zip" or "tar" when a file's first bytes say it is an archive of documents (a DOCX is not)."""
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return None if name.lower().endswith((".docx", ".docm")) else "zip"  # (see _is_package)
    if head[257:262] == b"ustar":
        return "tar"
    opener: Callable[..., Any] | None = None
    if head.startswith(b"\x1f\x8b"):
        opener = lambda f: gzip.GzipFile(fileobj=f)  # noqa: E731
    elif head.startswith(b"BZh"):
        opener = bz2.BZ2File
    elif head.startswith(b"\xfd7zXZ\x00"):
        opener = lzma.LZMAFile
    if opener is not None:
        import io

        try:
            with opener(io.BytesIO(head)) as z:  # (GzipFile's first argument is a name)
                inner = z.read(512)
        except Exception:  # a head cut mid-stream still decodes far enough; anything else is no tar
            inner = b""
        if inner[257:262] == b"ustar":
            return "tar"
    return None


def _is_package(zf: zipfile.ZipFile) -> bool:
    """A DOCX (any OOXML or ODF file) is a zip too: a document, not an archive of documents."""
    for marker in ("[Content_Types].xml", "mimetype"):
        try:
            zf.getinfo(marker)
            return True
        except KeyError:
            pass
    return False


def _zip_items(path: str, max_bytes: int) -> Iterator[Item]:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield _error_item(path, FormatError(f"{path}: broken zip archive ({_one_line(str(exc))})"))
        return
    with zf:
        if _is_package(zf):
            with open(path, "rb") as f:  # the size was checked against --max-bytes already
                data = f.read()
            yield Item(path, data, hashlib.sha256(data).hexdigest())
            return
        for info in zf.infolist():
            if info.is_dir():
                continue
            name = info.filename
            shown = f"{path}!/{_shown_name(name)}"
            mode = info.external_attr >> 16
            if _unsafe_name(name):
                yield _error_item(shown, FormatError(f"{shown}: unsafe member path (absolute or '..'); not read"))
            elif info.create_system == 3 and stat.S_ISLNK(mode):
                yield _error_item(shown, FormatError(f"{shown}: member is a symbolic link; not read"))
            elif info.create_system == 3 and stat.S_IFMT(mode) and not stat.S_ISREG(mode):
                # (zip writers often store permission bits only: no type means a regular file)
                yield _error_item(shown, FormatError(f"{shown}: member is a device or special file; not read"))
            elif info.flag_bits & 0x1:
                yield _error_item(shown, FormatError(f"{shown}: member is encrypted"))
            elif info.file_size > max_bytes:
                yield _error_item(shown, InputError(
                    f"{shown}: {_mb(info.file_size)} is over --max-bytes ({_mb(max_bytes)})"))
            elif info.file_size > (1 << 20) and info.file_size > ZIP_BOMB_RATIO * max(info.compress_size, 1):
                yield _error_item(shown, FormatError(
                    f"{shown}: compressed {info.file_size // max(info.compress_size, 1)}:1, "
                    "refused as a likely zip bomb"))
            else:
                try:
                    with zf.open(info) as f:
                        data = _read_bounded(f, max_bytes)
                except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError,
                        RuntimeError, lzma.LZMAError) as exc:
                    yield _error_item(shown, FormatError(f"{shown}: cannot be read from the archive "
                                                         f"({_one_line(str(exc))})"))
                    continue
                if data is None:
                    yield _error_item(shown, InputError(f"{shown}: more than --max-bytes "
                                                        f"({_mb(max_bytes)}) when decompressed"))
                else:
                    yield Item(shown, data, hashlib.sha256(data).hexdigest())


def _tar_items(path: str, max_bytes: int) -> Iterator[Item]:
    count = 0
    try:
        # Stream mode: members are read in order and never all held (nor extracted to disk).
        with tarfile.open(path, mode="r|*") as tf:
            while (member := tf.next()) is not None:
                tf.members.clear()  # TarFile keeps every header it has seen; we need none
                count += 1
                shown = f"{path}!/{_shown_name(member.name)}"
                if member.isdir():
                    continue
                if _unsafe_name(member.name):
                    yield _error_item(shown, FormatError(f"{shown}: unsafe member path (absolute or '..'); not read"))
                elif member.issym() or member.islnk():
                    yield _error_item(shown, FormatError(f"{shown}: member is a link; not read"))
                elif not member.isreg():
                    yield _error_item(shown, FormatError(f"{shown}: member is a device or special file; not read"))
                elif member.size > max_bytes:
                    yield _error_item(shown, InputError(
                        f"{shown}: {_mb(member.size)} is over --max-bytes ({_mb(max_bytes)})"))
                else:
                    f = tf.extractfile(member)
                    data = _read_bounded(f, max_bytes) if f is not None else None
                    if data is None:
                        yield _error_item(shown, FormatError(f"{shown}: cannot be read from the archive"))
                    else:
                        yield Item(shown, data, hashlib.sha256(data).hexdigest())
    except (tarfile.TarError, OSError, EOFError, zlib.error, lzma.LZMAError) as exc:
        where = f" after {count} members" if count else ""
        yield _error_item(path, FormatError(f"{path}: broken tar archive{where} ({_one_line(str(exc))})"))


def file_items(path: str, max_bytes: int = DEFAULT_MAX_BYTES,
               skip: frozenset[str] = frozenset()) -> Iterator[Item]:
    """One file on disk: a document, or an archive whose members are read in memory."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        yield _error_item(path, InputError(f"{path}: no such file"))
        return
    except OSError as exc:
        yield _error_item(path, InputError(f"{path}: cannot be read ({exc.strerror})"))
        return
    if stat.S_ISDIR(st.st_mode):
        yield from folder_items(path, max_bytes, skip)
        return
    if not stat.S_ISREG(st.st_mode):
        yield _error_item(path, InputError(f"{path}: not a regular file"))
        return
    if st.st_size > max_bytes:
        yield _error_item(path, InputError(
            f"{path}: {_mb(st.st_size)} is over --max-bytes ({_mb(max_bytes)})"))
        return
    try:
        with open(path, "rb") as f:
            head = f.read(65536)
            kind = _archive_kind(head, path)
            if kind is None:
                rest = _read_bounded(f, max_bytes - len(head))
                if rest is None:  # the file grew after stat()
                    yield _error_item(path, InputError(f"{path}: over --max-bytes ({_mb(max_bytes)})"))
                    return
                data = head + rest
    except OSError as exc:
        yield _error_item(path, InputError(f"{path}: cannot be read ({exc.strerror})"))
        return
    if kind == "zip":
        yield from _zip_items(path, max_bytes)
    elif kind == "tar":
        yield from _tar_items(path, max_bytes)
    else:
        yield Item(path, data, hashlib.sha256(data).hexdigest())


def folder_items(folder: str, max_bytes: int = DEFAULT_MAX_BYTES,
                 skip: frozenset[str] = frozenset()) -> Iterator[Item]:
    """Every file under a folder, sorted, hidden files and folders left out, symlinked folders not followed.

    `skip` holds real paths never to read: the batch's own output files, should they lie inside.
    """
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(root, name)
            if not name.startswith(".") and not (skip and os.path.realpath(path) in skip):
                yield from file_items(path, max_bytes, skip)


def iter_items(inputs: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
               stdin: IO[str] | None = None, skip: frozenset[str] = frozenset()) -> Iterator[Item]:
    """Every document the inputs name, in order: files, folders, globs, archives, `-` for a path list."""
    for arg in inputs:
        if arg == "-":
            for line in stdin if stdin is not None else sys.stdin:
                path = line.rstrip("\r\n")
                if path.strip():
                    yield from file_items(path, max_bytes, skip)
        elif os.path.lexists(arg) or not glob.has_magic(arg):
            yield from file_items(arg, max_bytes, skip)
        else:
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                yield _error_item(arg, InputError(f"{arg}: no file matches this pattern"))
            for path in matches:
                if not (skip and os.path.realpath(path) in skip):
                    yield from file_items(path, max_bytes, skip)


def chunked(items: Iterable[Item], docs: int = CHUNK_DOCS, size: int = CHUNK_BYTES) -> Iterator[list[Item]]:
    """Consecutive items grouped into tasks of a few documents (bounded by count and bytes)."""
    chunk: list[Item] = []
    held = 0
    for item in items:
        chunk.append(item)
        held += len(item.data or b"")
        if len(chunk) >= docs or held >= size:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


# ---------------------------------------------------------------- engines

class Engine(Protocol):
    window: int

    def submit(self, chunk: list[Item]) -> Any: ...          # a future with .result()
    def collect(self, future: Any, chunk: list[Item]) -> list[Result]: ...
    def close(self) -> None: ...


class SerialEngine:
    """jobs=1: extraction in this process (no pipes, no pickling)."""

    window = 1

    def __init__(self, ocr: str = "auto") -> None:
        self.ocr = ocr
        self.froze = _load_and_freeze()

    def submit(self, chunk: list[Item]) -> list[Item]:
        return chunk

    def collect(self, future: list[Item], chunk: list[Item]) -> list[Result]:
        return process_chunk(chunk, self.ocr)

    def close(self) -> None:
        if self.froze:  # hand this process's objects back to the collector
            gc.unfreeze()


def _mp_context() -> Any:
    """fork where there is fork: workers start in milliseconds and share the imported code.

    (A forkserver or spawn would import everything again in each worker and re-run the main
    script of a program that calls run_batch without an `if __name__ == "__main__"` guard.)
    """
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _worker_init() -> None:
    # Ctrl-C reaches the whole process group: the main process alone handles it, closing the
    # pool after the tasks in flight, so no worker dies with a traceback mid-document.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _load_and_freeze()


def _load_and_freeze() -> bool:
    """nlp.preload(): load the pipeline and freeze what is alive (see there); False when the rule
    data is broken, so that each document reports it as its error row."""
    from . import nlp

    try:
        return nlp.preload()
    except Exception:  # broken rule data: let each document report it as its error row
        return False


class LocalEngine:
    """Worker processes on this machine; a worker that dies costs one error row, not the batch."""

    def __init__(self, jobs: int, ocr: str = "auto") -> None:
        self.jobs, self.ocr = jobs, ocr
        self.window = 2 * jobs  # keeps every worker fed while bounding what is in flight
        self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, mp_context=_mp_context(), initializer=_worker_init)

    def _renew(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()

    def submit(self, chunk: list[Item]) -> Any:
        try:
            return self.pool.submit(process_chunk, chunk, self.ocr)
        except BrokenProcessPool:
            self._renew()
            return self.pool.submit(process_chunk, chunk, self.ocr)

    def collect(self, future: Any, chunk: list[Item]) -> list[Result]:
        try:
            return future.result()
        except BrokenProcessPool:
            return self._isolate(chunk)

    def _isolate(self, chunk: list[Item]) -> list[Result]:
        """A worker died somewhere in this chunk: redo it one document at a time to find which."""
        out = []
        for item in chunk:
            try:
                out.extend(self.submit([item]).result())
            except BrokenProcessPool:
                out.append(_crash_result(item))
                self._renew()
        return out

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """The same tasks on a Dask distributed cluster (a LocalCluster when no scheduler is given)."""

    def __init__(self, scheduler: str | None, jobs: int, ocr: str = "auto") -> None:
        from distributed import Client, LocalCluster

        self.ocr = ocr
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            import logging
            import warnings

            with warnings.catch_warnings():
                # No dashboard is asked for, yet the scheduler's HTTP routes still try :8787
                # and warn when another cluster holds it; a random port is fine for us.
                warnings.filterwarnings("ignore", message="Port .* is already in use")
                self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        threads = sum(self.client.nthreads().values()) or jobs
        self.window = 2 * threads

    def submit(self, chunk: list[Item]) -> Any:
        return self.client.submit(process_chunk, chunk, self.ocr, pure=False)

    def collect(self, future: Any, chunk: list[Item]) -> list[Result]:
        from distributed import KilledWorker

        try:
            return future.result()
        except KilledWorker:
            out = []
            for item in chunk:
                try:
                    out.extend(self.submit([item]).result())
                except KilledWorker:
                    out.append(_crash_result(item))
            return out
        finally:
            future.release()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(engine: str = "local", *, jobs: int | None = None, scheduler: str | None = None,
                ocr: str = "auto") -> Engine:
    jobs = jobs or default_jobs()
    if engine == "dask":
        return DaskEngine(scheduler, jobs, ocr)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}")
    return SerialEngine(ocr) if jobs == 1 else LocalEngine(jobs, ocr)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def run_ordered(engine: Engine, chunks: Iterable[list[Item]]) -> Iterator[Result]:
    """Results in input order while at most `engine.window` tasks are in flight (memory stays flat)."""
    pending: deque[tuple[Any, list[Item]]] = deque()
    for chunk in chunks:
        pending.append((engine.submit(chunk), chunk))
        while len(pending) >= engine.window:
            future, done = pending.popleft()
            yield from engine.collect(future, done)
    while pending:
        future, done = pending.popleft()
        yield from engine.collect(future, done)


# ---------------------------------------------------------------- output

class Sink(Protocol):
    needs_row: bool

    def keys(self) -> set[str]: ...
    def write(self, result: Result, row: dict[str, Any] | None) -> None: ...
    def close(self) -> None: ...


def _drop_partial_tail(path: str) -> None:
    """A batch killed mid-write leaves a line without its newline: cut it off."""
    with open(path, "rb+") as f:
        size = f.seek(0, os.SEEK_END)
        if size == 0:
            return
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return
        pos, step = size, 1 << 16
        while pos > 0:
            start = max(0, pos - step)
            f.seek(start)
            block = f.read(pos - start)
            nl = block.rfind(b"\n")
            if nl >= 0:
                f.truncate(start + nl + 1)
                return
            pos = start
        f.truncate(0)


def read_jsonl(path: str | IO[str]) -> Iterator[dict[str, Any]]:
    """Rows of a JSON Lines file; a last line cut short by a killed batch is skipped."""
    f = open(path, encoding="utf-8") if isinstance(path, str) else path  # noqa: SIM115
    try:
        for line in f:
            if not line.endswith("\n") or not line.strip():
                continue
            yield json.loads(line)
    finally:
        if isinstance(path, str):
            f.close()


class JsonlSink:
    """JSON Lines: each row written and flushed whole, so a kill can cut at most the last line."""

    needs_row = False

    def __init__(self, path: str | None, *, resume: bool = False, stream: IO[str] | None = None) -> None:
        self._keys: set[str] = set()
        self.stream = stream
        self.f: IO[bytes] | None = None
        self.paths = () if path is None else (path,)
        if path is None:
            return
        if resume and os.path.exists(path):
            _drop_partial_tail(path)
            with open(path, encoding="utf-8") as f:
                for line in f:
                    m = _SHA_RE.search(line)  # the source's sha256 comes first; no need to parse
                    if m:
                        self._keys.add(m.group(1))
                    elif line.strip():
                        try:
                            self._keys.add(row_key(json.loads(line)))
                        except (ValueError, AttributeError):
                            pass  # not one of our rows: keep it, it just counts for nothing
            self.f = open(path, "ab")  # noqa: SIM115
        else:
            self.f = open(path, "wb")  # noqa: SIM115

    def keys(self) -> set[str]:
        return self._keys

    def write(self, result: Result, row: dict[str, Any] | None = None) -> None:
        if result.key in self._keys:
            return
        if self.f is not None:
            self.f.write((result.line + "\n").encode("utf-8"))
            self.f.flush()
        else:
            out = self.stream if self.stream is not None else sys.stdout
            out.write(result.line + "\n")
            out.flush()

    def close(self) -> None:
        if self.f is not None:
            self.f.close()


# ---------------------------------------------------------------- progress and the whole run

@dataclass
class Stats:
    """Counts for the summary line."""

    done: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        skipped = f", {self.skipped} skipped (already in the output)" if self.skipped else ""
        return (f"{self.done} files: {self.ok} extracted, {self.failed} failed{skipped} "
                f"in {self.seconds:.1f} s ({self.rate:.1f} files/s)")


class Progress:
    """A one-line progress display on a terminal, redrawn at most ten times a second."""

    def __init__(self, stream: IO[str], enabled: bool) -> None:
        self.stream, self.enabled = stream, enabled
        self.last = 0.0

    def update(self, stats: Stats, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not force and now - self.last < 0.1):
            return
        self.last = now
        self.stream.write(f"\r{stats.done} files  {stats.rate:.1f}/s  {stats.failed} errors"
                          + (f"  {stats.skipped} skipped" if stats.skipped else "") + "\x1b[K")
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled and self.last:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def run_batch(inputs: Iterable[str], sinks: list[Sink], *, jobs: int | None = None,
              engine: str = "local", scheduler: str | None = None, ocr: str = "auto",
              max_bytes: int = DEFAULT_MAX_BYTES, resume: bool = False,
              stdin: IO[str] | None = None,
              on_result: Callable[[Result, Stats], None] | None = None) -> Stats:
    """Extract every input into every sink, in input order; returns the counts.

    With `resume`, an input whose key (sha256) every sink already holds is skipped, and so is a
    second input with the same bytes in this run.
    """
    stats = Stats()
    # `reportextract batch . -o out.jsonl` must not read its own output (nor the SQLite journal).
    outputs = frozenset(os.path.realpath(p) for s in sinks for p in getattr(s, "paths", ()))
    done: set[str] | None = None
    if resume:
        key_sets = [s.keys() for s in sinks]
        done = set.intersection(*key_sets) if key_sets else set()

    def todo() -> Iterator[Item]:
        for item in iter_items(inputs, max_bytes=max_bytes, stdin=stdin, skip=outputs):
            if done is not None:
                if item.key in done:
                    stats.skipped += 1
                    continue
                done.add(item.key)
            yield item

    needs_row = any(s.needs_row for s in sinks)
    eng = make_engine(engine, jobs=jobs, scheduler=scheduler, ocr=ocr)
    try:
        for result in run_ordered(eng, chunked(todo())):
            row = result.row() if needs_row else None
            for sink in sinks:
                sink.write(result, row)
            stats.done += 1
            if result.ok:
                stats.ok += 1
            else:
                stats.failed += 1
            if on_result is not None:
                on_result(result, stats)
    finally:
        eng.close()
    return stats
