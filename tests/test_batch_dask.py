"""--engine dask: the same rows and error rows as the local engine, on a distributed.LocalCluster."""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from reportextract.batch import JsonlSink, run_batch
from reportextract.cli import cli
from test_batch import _zip, doc_text, make_docs

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    # Two single-threaded worker processes: enough to interleave tasks, quick to start.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Port .* is already in use")
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=40)
    with cluster as c:
        yield c


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    root = tmp_path_factory.mktemp("dask")
    make_docs(root / "docs", 6)
    _zip(root / "a.zip", {"ok.txt": doc_text(30).encode(), "../evil.txt": b"x"})
    (root / "docs" / "broken.bin").write_bytes(b"\x00\x01\x02\x03" * 40)
    return [str(root / "docs"), str(root / "a.zip"), str(root / "missing.txt")]


def _run(inputs: list[str], out: Path, **kw) -> bytes:
    sink = JsonlSink(str(out))
    try:
        stats = run_batch(inputs, [sink], **kw)
    finally:
        sink.close()
    assert (stats.ok, stats.failed) == (7, 3)
    return out.read_bytes()


def test_dask_rows_are_identical_to_local(cluster, inputs: list[str], tmp_path: Path) -> None:
    local = _run(inputs, tmp_path / "local.jsonl", jobs=2)
    dask = _run(inputs, tmp_path / "dask.jsonl", engine="dask", scheduler=cluster.scheduler_address)
    assert dask == local


def test_cli_engine_dask_with_scheduler(runner, cluster, inputs: list[str], tmp_path: Path) -> None:
    out = tmp_path / "cli.jsonl"
    result = runner.invoke(cli, ["batch", "-q", *inputs, "-o", str(out), "--engine", "dask",
                                 "--scheduler", cluster.scheduler_address])
    assert result.exit_code == 1  # the three bad inputs
    assert out.read_bytes() == _run(inputs, tmp_path / "local.jsonl", jobs=1)


def test_engine_dask_alone_starts_its_own_local_cluster(runner, inputs: list[str], tmp_path: Path) -> None:
    out = tmp_path / "own.jsonl"
    result = runner.invoke(cli, ["batch", inputs[0], "-o", str(out), "--engine", "dask", "--jobs", "1"])
    assert result.exit_code == 1, result.output  # broken.bin
    assert "7 files: 6 extracted, 1 failed" in result.output
    assert "Port" not in result.output  # no dashboard warning on stderr
    local = tmp_path / "local.jsonl"
    runner.invoke(cli, ["batch", "-q", inputs[0], "-o", str(local), "--jobs", "1"])
    assert out.read_bytes() == local.read_bytes()
