"""The catalogs are complete: every UI string in all three languages."""

from pathlib import Path

from babel.messages.pofile import read_po

from consult import catalogs

ROOT = Path(__file__).resolve().parent.parent


def test_every_catalog_is_complete_and_consistent():
    problems = catalogs.check()
    assert problems == [], "\n".join(problems)


def test_check_catches_untranslated_fuzzy_and_placeholder_problems(tmp_path):
    po = ROOT / "translations" / "zh_Hans" / "LC_MESSAGES" / "messages.po"
    broken = po.read_text(encoding="utf-8")
    broken = broken.replace('msgstr "至少 %(count)d 个字符。"', 'msgstr "至少 %(number)d 个字符。"')
    broken = broken.replace('msgstr "密码"', 'msgstr ""', 1)
    broken = broken.replace('msgid "Sign in"', '#, fuzzy\nmsgid "Sign in"', 1)
    path = tmp_path / "broken.po"
    path.write_text(broken, encoding="utf-8")
    with open(po, "rb") as handle:
        ids = {m.id[0] if isinstance(m.id, tuple) else m.id for m in read_po(handle) if m.id}
    problems = catalogs.check_catalog(path, ids | {"A string nobody translated"})
    text = "\n".join(problems)
    assert "'Use at least %(count)d characters.': placeholders" in text
    assert "'Password': untranslated" in text
    assert "'Sign in': fuzzy" in text
    assert "'A string nobody translated': missing" in text


def test_cli_check_passes(app):
    result = app.test_cli_runner().invoke(args=["i18n", "check"])
    assert result.exit_code == 0, result.output
