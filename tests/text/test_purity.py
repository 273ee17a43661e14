"""consult.text runs anywhere: it imports neither Flask nor SQLAlchemy, and jieba is quiet."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

CHECK = (
    "import sys; import consult.text, consult.text.markdown, consult.text.chinese, "
    "consult.text.language, consult.text.search_tokens, consult.text.segmentation; "
    "from consult.text.search_tokens import document_tokens, query_terms, highlight; "
    "from consult.text.markdown import render_markdown, markdown_to_text; "
    "from consult.text.language import guess_language; "
    "tokens = document_tokens('小区停车位不足怎么办', 'Not enough parking'); "
    "assert 'tingch' in tokens.split(), tokens; "
    "assert set(query_terms('停車 parking')) <= set(tokens.split()); "
    "highlight('停車位', '停车'); render_markdown('**x**'); markdown_to_text('*x*'); "
    "assert guess_language('發佈') == 'zh-Hant'; "
    "bad = [m for m in ('flask', 'sqlalchemy', 'flask_sqlalchemy') if m in sys.modules]; "
    "assert not bad, bad; print('pure')"
)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    temporary = tmp_path_factory.mktemp("tmp")
    env = dict(os.environ, PYTHONPATH=str(REPO), TMPDIR=str(temporary))
    done = subprocess.run(
        [sys.executable, "-c", CHECK],
        capture_output=True,
        text=True,
        cwd=temporary,
        env=env,
        timeout=120,
        check=False,
    )
    return done, temporary


def test_text_imports_neither_flask_nor_sqlalchemy(run):
    done, _ = run
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "pure"


def test_jieba_loads_quietly_and_caches_in_a_private_temporary_folder(run):
    done, temporary = run
    assert done.returncode == 0, done.stderr
    for message in ("Building prefix dict", "Loading model", "Dumping model", "Prefix dict"):
        assert message not in done.stderr
    caches = list(temporary.rglob("jieba*.cache"))
    assert len(caches) == 1
    folder = caches[0].parent
    assert folder.parent == temporary and folder.name.startswith("consult-jieba-")
    assert folder.stat().st_mode & 0o077 == 0
