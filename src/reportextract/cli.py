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
