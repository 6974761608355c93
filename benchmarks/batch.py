"""Batch throughput: docs/s of `reportextract batch` with 1 and 2 jobs on one generated 2,000-document folder.

    python benchmarks/batch.py [--docs 2000] [--dir DIR] [--jobs 1 2] [--repeat R] [--dask]

Generates the folder (seed sample paragraphs, shuffled, plus paragraphs from templates below with
varied numbers, names and years), runs a batch into JSON Lines for each job count in a fresh
process, and prints docs/s (best of R rounds, the rounds interleaved so that other load on the
machine hits every setting alike), the speed-up over one job, and the peak RSS of one worker
(goals: 2 jobs >= 1.8x one job, < 250 MB per worker). Outputs must be byte-identical. Every run
imports a snapshot of src/reportextract taken at the start, so edits made meanwhile do not leak in.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "giam-ngheo-2016-2020.txt"

# Paragraphs written for this benchmark in the style of a provincial report.
TEMPLATES = [
    "Năm {y}, toàn tỉnh có {n} hộ thoát nghèo, tỷ lệ hộ nghèo giảm còn {p}%, vượt {q}% kế hoạch đề ra.",
    "Tổng vốn đầu tư thực hiện chương trình giai đoạn {y0}-{y1} đạt {m} tỷ đồng, trong đó ngân sách "
    "trung ương {m2} tỷ đồng.",
    "Đồng chí {name}, Phó Chủ tịch UBND tỉnh, yêu cầu các sở, ngành hoàn thành {k} nhiệm vụ trọng tâm "
    "trước ngày {d}/{mo}/{y}.",
    "Thực hiện Kế hoạch số {k}/KH-UBND ngày {d}/{mo}/{y} của UBND tỉnh, đến nay đã có {n} xã đạt chuẩn "
    "nông thôn mới, tăng {k} xã so với cùng kỳ.",
    "Mục tiêu đến năm {y1}, thu nhập bình quân đầu người đạt {m} triệu đồng/năm; tỷ lệ lao động qua "
    "đào tạo đạt trên {p}%.",
    "Trong {k} tháng đầu năm {y}, diện tích gieo trồng đạt {n} ha, sản lượng lương thực ước đạt {m} "
    "nghìn tấn.",
]
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Quang Cường", "Phạm Minh Đức", "Hoàng Thị Hà",
         "Vũ Đình Khoa", "Đặng Thu Lan", "Bùi Văn Nam"]


def make_folder(folder: Path, count: int, seed: int = 2016) -> None:
    rng = random.Random(seed)
    lines = SEED.read_text(encoding="utf-8").split("\n")
    title, dateline, body = lines[0], lines[1], [p for p in lines[2:] if len(p) > 80]
    for i in range(count):
        y = rng.randint(2016, 2025)
        paras = rng.sample(body, rng.randint(2, len(body)))
        for _ in range(rng.randint(1, 4)):
            paras.insert(rng.randrange(len(paras) + 1), rng.choice(TEMPLATES).format(
                y=y, y0=y - 5, y1=y + 5, n=rng.randint(12, 9000), p=f"{rng.randint(1, 40)},{rng.randint(0, 99)}",
                q=rng.randint(100, 130), m=f"{rng.randint(5, 900)},{rng.randint(1, 9)}",
                m2=rng.randint(1, 400), k=rng.randint(2, 12), d=rng.randint(1, 28), mo=rng.randint(1, 12),
                name=rng.choice(NAMES)))
        text = "\n\n".join([title if i % 3 else f"BÁO CÁO SỐ {i}", dateline, *paras]) + "\n"
        sub = folder / f"{i // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")


# Run in a fresh interpreter: resource.getrusage then sees only this batch and its workers.
RUNNER = r"""
import json, resource, sys, time
from reportextract.batch import JsonlSink, run_batch
folder, out, jobs, engine = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
import reportextract.nlp; reportextract.nlp.get_pipeline()  # load before the clock, workers inherit it
sink = JsonlSink(out)
t = time.perf_counter()
stats = run_batch([folder], [sink], jobs=jobs, engine=engine)
seconds = time.perf_counter() - t
sink.close()
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"docs": stats.done, "failed": stats.failed, "seconds": seconds,
                  "main_mb": me.ru_maxrss / 1024,
                  "worker_mb": (kids.ru_maxrss if jobs > 1 else me.ru_maxrss) / 1024,
                  "main_cpu": me.ru_utime + me.ru_stime, "workers_cpu": kids.ru_utime + kids.ru_stime}))
"""


def run(folder: Path, out: Path, jobs: int, engine: str = "local", code: Path | None = None) -> dict:
    env = dict(os.environ, PYTHONPATH=str(code)) if code else None
    proc = subprocess.run([sys.executable, "-c", RUNNER, str(folder), str(out), str(jobs), engine],
                          check=True, capture_output=True, text=True, env=env)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--dir", type=Path, default=None, help="keep the generated folder here")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=1, help="rounds; the best of them is reported")
    ap.add_argument("--dask", action="store_true", help="also time --engine dask (a LocalCluster)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        code = Path(tmp) / "code"
        shutil.copytree(ROOT / "src" / "reportextract", code / "reportextract")
        folder = args.dir or Path(tmp) / "docs"
        if not folder.exists():
            make_folder(folder, args.docs)
        count = sum(1 for _ in folder.rglob("*.txt"))
        size = sum(p.stat().st_size for p in folder.rglob("*.txt"))
        print(f"{count} documents, {size / 1e6:.1f} MB, in {folder}; {os.cpu_count()} cores")
        runs = [(j, "local") for j in args.jobs] + ([(max(args.jobs), "dask")] if args.dask else [])
        best: dict[tuple[int, str], dict] = {}
        digests = set()
        for _ in range(args.repeat):
            for jobs, engine in runs:
                out = Path(tmp) / f"out-{engine}-{jobs}.jsonl"
                r = run(folder, out, jobs, engine, code)
                r["rate"] = r["docs"] / r["seconds"]
                digests.add(hashlib.sha256(out.read_bytes()).hexdigest())
                if (jobs, engine) not in best or r["rate"] > best[jobs, engine]["rate"]:
                    best[jobs, engine] = r
        base = best[runs[0]]["rate"]
        for (jobs, engine), r in best.items():
            print(f"{engine:5} jobs={jobs}: {r['rate']:7.1f} docs/s  {r['rate'] / base:4.2f}x  "
                  f"{r['seconds']:6.1f} s  peak RSS per worker {r['worker_mb']:.0f} MB "
                  f"(main {r['main_mb']:.0f} MB)  CPU s main {r['main_cpu']:.1f} workers "
                  f"{r['workers_cpu']:.1f}  failed {r['failed']}")
        print("outputs byte-identical:", len(digests) == 1)


if __name__ == "__main__":
    main()
