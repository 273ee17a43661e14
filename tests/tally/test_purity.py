"""The counting core runs anywhere: importing it loads neither Flask nor SQLAlchemy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

CHECK = (
    "import sys; import consult.tally, consult.tally.__main__, consult.tally.cli, "
    "consult.tally.rcv, consult.tally.simple, consult.tally.borda, consult.tally.schulze, "
    "consult.tally.committee, consult.tally.committee_totals, consult.tally.committee_rounds, "
    "consult.tally.explain, consult.tally.rctab; "
    "consult.tally.count({'method': 'plurality', 'candidates': ['A'], "
    "'ballots': [{'marks': ['A']}]}); "
    "consult.tally.count({'method': 'committee_majority', 'candidates': ['A'], "
    "'options': {'registered_voters': 1}, 'totals': [{'ballots_cast': 1, 'votes': {'A': 1}}]}); "
    "bad = [m for m in ('flask', 'sqlalchemy', 'flask_sqlalchemy') if m in sys.modules]; "
    "assert not bad, bad; print('pure')"
)


def test_tally_imports_neither_flask_nor_sqlalchemy():
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-c", CHECK],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "pure"
