"""Instructions per document for extract_text, counted by valgrind's callgrind: a figure that does
not move with the machine's load, for telling apart changes of a few percent that wall-clock
benchmarks (throughput.py) cannot resolve on a shared machine.

    python benchmarks/instructions.py                      # the seed sample, 20 runs
    python benchmarks/instructions.py --runs 10 --top 25 FILE...
    REPORTEXTRACT_PURE=1 python benchmarks/instructions.py # the .py sources instead of the compiled modules

Only the extraction loop is counted: the child process loads the pipeline and extracts each text
twice (warm-up) before callgrind's instrumentation is switched on, and leaves without the
interpreter's shutdown. Needs valgrind (Debian's package); runs about 50x slower than native, so a
seed run takes about half a minute. `--top K` lists the K project functions (as the compiled
modules name them) with the most instructions, callees included; it needs the compiled modules.
Instructions are not time: a regex engine's branchy loop and the interpreter's dispatch differ in
instructions per cycle (the compiled modules run 14% fewer instructions; their CPU time gain
ranged over 3-18% in alternating runs), so confirm a gain in CPU time too.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "giam-ngheo-2016-2020.txt"


def child(runs: int, ready: str, paths: list[str]) -> None:
    import reportextract

    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    for _ in range(2):
        for t in texts:
            reportextract.extract_text(t)
    Path(ready).touch()
    while os.path.exists(ready):  # the parent switches instrumentation on, then removes the file
        time.sleep(0.02)
    for _ in range(runs):
        for t in texts:
            reportextract.extract_text(t)
    sys.stdout.flush()
    os._exit(0)  # no interpreter shutdown (its full garbage collection) in the count


def _readable(mangled: str) -> str:
    """Cython's "7extract_9officials_76_names" (length-prefixed scopes: modules, classes, enclosing functions;
    then a counter and the function) as "extract.officials._names"."""
    parts = []
    while (m := re.match(r"(\d+)", mangled)) and mangled[len(m.group(1)):].count("_"):
        n, rest = int(m.group(1)), mangled[len(m.group(1)):]
        if len(rest) > n and rest[n] == "_" and not rest[:n].isdigit():
            parts.append(rest[:n])
            mangled = rest[n + 1:]
        else:
            break
    return ".".join(parts + [re.sub(r"^\d+", "", mangled)])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help=f"text files (default: {SEED.relative_to(ROOT)})")
    ap.add_argument("--runs", type=int, default=20, help="extractions of each text counted (default 20)")
    ap.add_argument("--top", type=int, default=0, help="also list the K costliest project functions")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    paths = [str(Path(p).resolve()) for p in args.paths] or [str(SEED)]
    if args.child:
        child(args.runs, args.child, paths)
        return 0
    for tool in ("valgrind", "callgrind_control", "callgrind_annotate"):
        if shutil.which(tool) is None:
            print(f"instructions.py: {tool} not found (install valgrind)", file=sys.stderr)
            return 2
    with tempfile.TemporaryDirectory() as tmp:
        ready, out = os.path.join(tmp, "ready"), os.path.join(tmp, "callgrind.out")
        cmd = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
               sys.executable, __file__, "--child", ready, "--runs", str(args.runs), *paths]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        while not os.path.exists(ready):
            if proc.poll() is not None:
                print("instructions.py: the child process ended before its warm-up was done", file=sys.stderr)
                return 1
            time.sleep(0.2)
        subprocess.run(["callgrind_control", "-i", "on", str(proc.pid)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.remove(ready)
        proc.wait()
        listing = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--auto=no", out],
                                 capture_output=True, text=True, check=True).stdout
    total = int(re.search(r"^([\d,]+) .*PROGRAM TOTALS", listing, re.M).group(1).replace(",", ""))
    docs = args.runs * len(paths)
    import reportextract

    compiled = reportextract.compiled_modules()
    print(f"{len(paths)} text(s) x {args.runs} runs, "
          f"{'compiled modules' if compiled else 'pure Python'}: {total / docs / 1e6:.2f} M instructions per document")
    if args.top:
        seen: set[str] = set()
        for line in listing.splitlines():
            m = re.match(r"\s*([\d,]+) .*__pyx_pf_13reportextract_(\w+?)(?:\.constprop\.\d+)? ", line)
            if m and m.group(2) not in seen:
                seen.add(m.group(2))
                share = int(m.group(1).replace(",", "")) / total
                print(f"  {share:6.1%}  {_readable(m.group(2))}")
                if len(seen) >= args.top:
                    break
        if not seen:
            print("  (--top names compiled functions only; none ran compiled)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
