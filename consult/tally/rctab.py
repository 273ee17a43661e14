"""RCTab test vectors and CSV cases, mapped onto the native input form.

A vector (``shared/data/rctab/_vectors/<case>.json``) is recognised by its ``rules`` key. Its
``rules`` become the ``options`` of an ``irv`` (one winner) or ``stv`` count unchanged, its
``candidates`` keep their order (the order ``useCandidateOrder`` tie-breaks use), and its
``ballots`` (one list of names per rank) become native rankings, grouped.

RCTab lists the undeclared write-in pseudo-candidate ("Undeclared Write-ins") in every round
when the contest's CVR source declares an ``undeclaredWriteInLabel``, even if no ballot uses it.
The vectors' ``rules`` leave that label out, so :func:`load_vector` also reads the case's own
``<case>_config.json`` when it sits beside the vectors folder (as in ``shared/data/rctab``).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from consult.tally.inputs import UWI
from consult.tally.model import TallyError


def is_vector(data) -> bool:
    return isinstance(data, dict) and "rules" in data and "method" not in data


def vector_to_native(vector: dict, *, write_in_label: bool = False) -> dict:
    """Map an RCTab vector onto the native form (``write_in_label``: the config declares one)."""
    rules = dict(vector.get("rules") or {})
    if not isinstance(vector.get("candidates"), list) or not isinstance(
        vector.get("ballots"), list
    ):
        raise TallyError("an RCTab vector needs 'candidates' and 'ballots' lists")
    candidates = list(vector["candidates"])
    label = rules.pop("undeclaredWriteInLabel", None)
    groups: dict = {}
    uses_uwi = False
    for index, ballot in enumerate(vector["ballots"], 1):
        if not isinstance(ballot, list):
            raise TallyError("an RCTab ballot must be a list of ranks", index)
        ranking = []
        for entry in ballot:
            if isinstance(entry, str):
                entry = [entry]
            if not isinstance(entry, list):
                raise TallyError("each rank must be a list of names", index)
            if UWI in entry:
                uses_uwi = True
            ranking.append(entry[0] if len(entry) == 1 else tuple(entry))
        key = tuple(ranking)
        if key in groups:
            groups[key][0] += 1
        else:
            groups[key] = [1, index]
    if (uses_uwi or write_in_label or label) and UWI not in candidates:
        candidates.append(UWI)
    try:
        seats = int(str(rules.get("numberOfWinners") or 1))
    except ValueError:
        raise TallyError("rules.numberOfWinners must be a whole number") from None
    ballots = []
    for key, (count, _index) in groups.items():
        ranking = [list(e) if isinstance(e, tuple) else e for e in key]
        ballots.append({"ranking": ranking, "count": count})
    return {
        "method": "irv" if seats == 1 else "stv",
        "seats": seats,
        "candidates": candidates,
        "options": rules,
        "ballots": ballots,
    }


def case_config(vector_path: Path, case: str | None = None) -> dict | None:
    """The RCTab config of a vector's case, if it sits at ``../<case>/<case>_config.json``."""
    case = case or vector_path.stem
    path = vector_path.resolve().parent.parent / case / f"{case}_config.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def declares_write_ins(config: dict | None) -> bool:
    if not config:
        return False
    return any(
        (s.get("undeclaredWriteInLabel") or "").strip() for s in config.get("cvrFileSources", [])
    )


def load_vector(path: Path) -> dict:
    """Read a vector file and map it, consulting its case config for the write-in label."""
    vector = json.loads(Path(path).read_text(encoding="utf-8"))
    config = case_config(Path(path), vector.get("case"))
    return vector_to_native(vector, write_in_label=declares_write_ins(config))


def load_csv_case(config_path: Path) -> dict:
    """A generic-CSV RCTab case (config + CVR) as a vector: one column per candidate, the
    cells holding the rank given to that candidate."""
    config_path = Path(config_path)
    config = json.loads(config_path.read_text(encoding="utf-8"))
    candidates = [c["name"] for c in config["candidates"]]
    ballots = []
    for source in config["cvrFileSources"]:
        if source.get("provider") != "genericCsv":
            raise TallyError(f"unsupported CVR provider {source.get('provider')!r}")
        first = int(source.get("firstVoteColumnIndex") or 1) - 1
        label = (source.get("undeclaredWriteInLabel") or "").strip()
        with open(config_path.parent / source["filePath"], newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header = rows[0][first:]
        for row in rows[1:]:
            ranks: dict[int, list[str]] = {}
            for name, cell in zip(header, row[first:], strict=False):
                if cell.strip():
                    ranks.setdefault(int(cell), []).append(UWI if name == label else name)
            top = max(ranks, default=0)
            ballots.append([ranks.get(r, []) for r in range(1, top + 1)])
    return {
        "case": config_path.stem.removesuffix("_config"),
        "rules": config["rules"],
        "candidates": candidates,
        "ballots": ballots,
    }
