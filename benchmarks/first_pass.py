"""First pass: extract_text against bare spacy.blank("vi") on documents the process has not seen.

    python benchmarks/first_pass.py [--warm DIR] [--docs DIR] [--runs N]

throughput.py extracts the same texts again and again, so spaCy's vocabulary already holds every
word and its tokenizer cache every chunk. Here each side runs in a fresh process, is warmed on the
--warm corpus (default ../shared/corpus/dev), then times one pass over the --docs documents
(default tests/golden, the project's own texts) and a second pass over the same documents. Prints
CPU ms/doc for both sides and the ratio of their speeds, medians of --runs alternating runs.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[4])
which, warm, docs = sys.argv[1:4]
if which == "ours":
    import reportextract
    fn = reportextract.extract_text
else:
    import spacy
    fn = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
for p in sorted(Path(warm).glob("*.txt")):
    fn(p.read_text(encoding="utf-8"))
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(docs).glob("*.txt"))]
times = []
for _ in range(2):
    start = time.process_time()
    for t in texts:
        fn(t)
    times.append((time.process_time() - start) * 1000 / len(texts))
print(*times)
"""


def run(which: str, warm: str, docs: str) -> list[float]:
    out = subprocess.run([sys.executable, "-c", CHILD, which, warm, docs, str(ROOT / "src")],
                         check=True, capture_output=True, text=True).stdout
    return [float(x) for x in out.split()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--warm", default=str(ROOT.parent / "shared/corpus/dev"))
    ap.add_argument("--docs", default=str(ROOT / "tests/golden"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    results: dict[str, list[list[float]]] = {"bare": [], "ours": []}
    for _ in range(args.runs):  # alternate, so that both sides see the same machine
        for which in results:
            results[which].append(run(which, args.warm, args.docs))
    n = len(list(Path(args.docs).glob("*.txt")))
    print(f"{args.docs}: {n} document(s), warmed on {args.warm}")
    for k, label in enumerate(("first pass", "second pass")):
        bare = statistics.median(r[k] for r in results["bare"])
        ours = statistics.median(r[k] for r in results["ours"])
        print(f"  {label:11s}: bare spacy.blank('vi') {bare:6.2f} ms/doc, reportextract.extract_text "
              f"{ours:6.2f} ms/doc, ratio {bare / ours:.3f}")


if __name__ == "__main__":
    main()
