"""The command line: parses options, calls the library, prints. The only module that imports click."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import IO

import click

from . import __version__
from .errors import ReportExtractError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Group(click.Group):
    """Keep commands in the order they were defined in --help."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="reportextract")
def cli() -> None:
    """Turn Vietnamese government press releases, resolutions and reports into data.

    \b
    Example:
      reportextract parse samples/giam-ngheo-2016-2020.txt
    """


def _read_input(path: str, ocr: str):  # -> Document
    from .api import extract_bytes, extract_file
    from .nlp import preload

    preload()  # the CLI's process exists to extract: load once, keep the collector off what lasts

    if path == "-":
        data = sys.stdin.buffer.read()
        return extract_bytes(data, None, ocr=ocr)
    return extract_file(path, ocr=ocr)


def _fail(message: str) -> None:
    click.echo(f"reportextract: {message}", err=True)


ocr_option = click.option(
    "--ocr", type=click.Choice(["auto", "never", "always"]), default="auto", show_default=True,
    help="OCR for PDF pages without a text layer (needs Tesseract with its Vietnamese model).")


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of standard output.")
@click.option("--indent", type=click.IntRange(0, 8), default=2, show_default=True,
              help="Spaces of indentation for a single document.")
@click.option("--compact", is_flag=True, help="No indentation or newlines inside the JSON.")
@ocr_option
def parse(files: tuple[str, ...], output: str | None, indent: int, compact: bool, ocr: str) -> None:
    """Extract figures, officials, dates, periods and references as JSON.

    One FILE prints one JSON object; several print JSON Lines (one object per line,
    in the order given). FILE may be "-" for standard input. TXT, PDF, DOCX and HTML
    are told apart by their content.

    \b
    Examples:
      reportextract parse samples/giam-ngheo-2016-2020.txt
      reportextract parse --compact a.txt b.pdf -o out.jsonl
      cat article.txt | reportextract parse -
    """
    from .export.json import dumps, dumps_line

    failed = 0
    lines = len(files) > 1
    out: IO[str]
    out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    try:
        for path in files:
            try:
                doc = _read_input(path, ocr)
            except ReportExtractError as exc:
                failed += 1
                _fail(str(exc))
                continue
            if lines:
                out.write(dumps_line(doc) + "\n")
            else:
                out.write(dumps(doc, indent=None if compact else indent) + "\n")
            out.flush()
    finally:
        if output:
            out.close()
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("file", metavar="FILE")
@ocr_option
def text(file: str, ocr: str) -> None:
    """Print the normalised text that every span indexes.

    \b
    Example:
      reportextract text report.pdf > report.txt
    """
    from .readers import read_bytes, read_path

    try:
        if file == "-":
            src = read_bytes(sys.stdin.buffer.read(), None, ocr=ocr)
        else:
            src, _ = read_path(file, ocr=ocr)
    except ReportExtractError as exc:
        _fail(str(exc))
        sys.exit(1)
    click.echo(src.text, nl=not src.text.endswith("\n"))


# Commands of the batch, eval and show features are defined below this line.


# ---- batch and load (owner: batch) ----

def _size(ctx: click.Context, param: click.Parameter, value: str) -> int:
    from .batch import parse_size

    try:
        return parse_size(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="JSON Lines (or CSV) file to write; standard output when neither -o nor --db.")
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help="Also write normalised tables to this SQLite file (updated, not duplicated).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl",
              show_default=True, help="-o as JSON Lines rows, or every figure as one flat CSV.")
@click.option("-j", "--jobs", type=click.IntRange(1, 512), default=None,
              help="Worker processes (default: the number of cores; 1 works in this process).")
@click.option("--resume", is_flag=True,
              help="Skip inputs whose sha256 is already in the output; mend a cut-off last line.")
@click.option("--max-bytes", default="50MB", show_default=True, callback=_size, metavar="SIZE",
              help="Refuse files, archives and archive members larger than this.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Worker processes here, or a Dask distributed cluster.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler (tcp://host:8786); --engine dask without it starts a LocalCluster.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
@ocr_option
def batch(inputs: tuple[str, ...], output: str | None, db: str | None, fmt: str, jobs: int | None,
          resume: bool, max_bytes: int, engine: str, scheduler: str | None, quiet: bool,
          ocr: str) -> None:
    """Extract many documents in parallel into JSON Lines, CSV and/or SQLite.

    INPUT is a file, a folder (recursive), a glob pattern, a .zip/.tar/.tar.gz archive
    (members are read in memory, never extracted) or "-" for a list of paths on
    standard input. Rows come out in input order; an input that fails becomes an
    error row and the exit code is 1.

    \b
    Examples:
      reportextract batch corpus/ -o results.jsonl
      reportextract batch 'reports/**/*.pdf' archive.zip --db results.sqlite
      find . -name '*.txt' | reportextract batch - -o results.jsonl --resume
      reportextract batch corpus/ --format csv -o figures.csv
      reportextract batch corpus/ -o out.jsonl --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from .batch import JsonlSink, Progress, run_batch
    from .export.csv import FigureCsvWriter
    from .export.sqlite import SqliteWriter

    if resume and output is None and db is None:
        raise click.UsageError("--resume needs an output file (-o or --db) to resume from")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if fmt == "csv" and output is None and db is not None:
        raise click.UsageError("--format csv is for -o FILE (or standard output without --db)")
    sinks: list = []
    try:
        if output is not None or db is None:
            if fmt == "csv":
                sinks.append(FigureCsvWriter(output, resume=resume))
            else:
                sinks.append(JsonlSink(output, resume=resume))
        if db is not None:
            sinks.append(SqliteWriter(db, resume=resume))
        progress = Progress(sys.stderr, enabled=not quiet and sys.stderr.isatty())
        stats = run_batch(inputs, sinks, jobs=jobs, engine=engine, scheduler=scheduler, ocr=ocr,
                          max_bytes=max_bytes, resume=resume, stdin=sys.stdin,
                          on_result=lambda result, stats: progress.update(stats))
        progress.finish()
    except OSError as exc:
        raise click.ClickException(f"{exc.filename or 'output'}: {exc.strerror}") from None
    except ReportExtractError as exc:  # the output could not be written (e.g. not a SQLite file)
        raise click.ClickException(str(exc)) from None
    finally:
        for sink in sinks:
            sink.close()
    if not quiet:
        click.echo(f"reportextract: {stats.summary()}", err=True)
    if stats.failed:
        sys.exit(1)


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="JSONL...")
@click.option("--db", type=click.Path(dir_okay=False), required=True,
              help="SQLite file to create or update.")
@click.option("-q", "--quiet", is_flag=True, help="No summary line.")
def load(files: tuple[str, ...], db: str, quiet: bool) -> None:
    """Load JSON Lines written by `batch` or `parse` into the SQLite tables.

    Loading the same rows again updates them instead of adding duplicates; a last
    line cut short by a killed batch is skipped. JSONL may be "-" for standard input.

    \b
    Example:
      reportextract load results.jsonl --db results.sqlite
    """
    import json

    from .batch import read_jsonl
    from .export.sqlite import SqliteWriter

    try:
        writer = SqliteWriter(db)
    except ReportExtractError as exc:
        raise click.ClickException(str(exc)) from None
    docs = errors = 0
    try:
        for path in files:
            try:
                d, e = writer.load(read_jsonl(sys.stdin if path == "-" else path))
            except FileNotFoundError:
                raise click.ClickException(f"{path}: no such file") from None
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise click.ClickException(f"{path}: not reportextract JSON Lines ({exc})") from None
            docs, errors = docs + d, errors + e
    finally:
        writer.close()
    if not quiet:
        click.echo(f"reportextract: loaded {docs} documents and {errors} error rows into {db}", err=True)


# ---- eval and show (owner: evalshow) ----

@cli.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("input_dir", required=False, type=click.Path(exists=True, file_okay=False))
@click.option("--show-errors", is_flag=True,
              help="List every miss, spurious item and wrong attribute with its sentence.")
@click.option("--json", "as_json", is_flag=True,
              help="Print one JSON object: items, attributes, missing (as score.py --json).")
@click.option("--min", "bounds", multiple=True, metavar="FIELD=FLOOR",
              help="Exit 1 when FIELD's F1 (or attribute accuracy) is below FLOOR; repeatable, "
                   "or comma-separated.")
@ocr_option
def eval_(gold_dir: str, input_dir: str | None, show_errors: bool, as_json: bool,
          bounds: tuple[str, ...], ocr: str) -> None:
    """Extract the documents of a gold set and score them: P/R/F1 and attribute accuracy.

    GOLD_DIR holds NAME.gold.json files (the contract's shape without spans); each
    is scored against NAME.txt, or NAME in another format (.pdf, .docx, .html), from
    INPUT_DIR (default: GOLD_DIR). The definitions are those of the reference scorer.

    \b
    Examples:
      reportextract eval tests/golden
      reportextract eval gold/ corpus/ --show-errors
      reportextract eval tests/golden --json --min figures=0.9 --min officials=0.8
    """
    import json

    from .api import extract_file
    from .evaluate import evaluate, parse_floors

    try:
        floors = parse_floors(b for bound in bounds for b in bound.split(",") if b)
        report = evaluate(gold_dir, input_dir, extract=lambda path: extract_file(path, ocr=ocr))
    except ReportExtractError as exc:
        raise click.UsageError(str(exc)) from None
    if show_errors:
        # with --json the errors go to stderr so that standard output stays one JSON object
        click.echo("\n".join(report.error_lines()), err=as_json)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        click.echo(report.table())
    failed = report.below(floors)
    if failed:
        click.echo("below bound: " + "; ".join(failed), err=True)
        sys.exit(1)


@cli.command()
@click.argument("file", metavar="FILE")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the page to this file instead of standard output.")
@ocr_option
def show(file: str, output: str | None, ocr: str) -> None:
    """Write one self-contained HTML page showing FILE with every extracted item highlighted.

    Figures, official mentions, dates, periods and references each get a colour;
    hovering or focusing one shows its normalised value and attributes, and a side
    table lists the figures (click a column to sort). No network, no external files.

    \b
    Example:
      reportextract show samples/giam-ngheo-2016-2020.txt -o page.html
    """
    from .show import show_file

    try:
        page = show_file(file, ocr=ocr)
    except ReportExtractError as exc:
        _fail(str(exc))
        sys.exit(1)
    if output:
        Path(output).write_text(page, encoding="utf-8")
    else:
        click.echo(page, nl=False)
