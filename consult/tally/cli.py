"""``python -m consult.tally FILE.json``: recount an election and print the result.

The input is the native form (ballots, which may carry receipt codes, or for
``committee_majority`` the polling stations' totals: see :mod:`consult.tally.committee`) or an
RCTab vector (see :mod:`consult.tally.rctab`); ``-`` reads standard input. The output is the result as JSON (numbers as strings), or with
``--explain en|zh_Hans|zh_Hant`` a readable table of the rounds. Bad input prints one line,
``error: ...``, on standard error and exits with status 2, printing nothing on standard output.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from consult.tally import count
from consult.tally.explain import render_table
from consult.tally.messages import LANGUAGES
from consult.tally.model import TallyError
from consult.tally.rctab import case_config, declares_write_ins, is_vector, vector_to_native


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write(f"error: {message}\n")
        raise SystemExit(2)


def _read(source: str):
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise TallyError(f"cannot read {source}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise TallyError(f"{source} is not UTF-8 text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TallyError(
            f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    if is_vector(data):
        config = None if source == "-" else case_config(Path(source), data.get("case"))
        data = vector_to_native(data, write_in_label=declares_write_ins(config))
    return data


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(
        prog="python -m consult.tally",
        description="Recount an election from a JSON file (native form or an "
        "RCTab vector) and print the result.",
    )
    parser.add_argument("file", help="the election as JSON; '-' reads standard input")
    parser.add_argument(
        "--explain",
        choices=LANGUAGES,
        metavar="{en,zh_Hans,zh_Hant}",
        help="print the rounds as a readable table in this language",
    )
    args = parser.parse_args(argv)
    try:
        result = count(_read(args.file))
    except TallyError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    if args.explain:
        text = render_table(result, args.explain)
    else:
        text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()
    return 0
