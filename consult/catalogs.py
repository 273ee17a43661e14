"""The UI message catalogs in translations/: extract, update, compile, check.

Wraps Babel's own ``pybabel`` commands so the paths and keywords live in one place.
"""

import contextlib
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from consult.config import PROJECT_ROOT
from consult.i18n import UI_LOCALES

TRANSLATIONS = PROJECT_ROOT / "translations"
TEMPLATE = TRANSLATIONS / "messages.pot"
BABEL_CFG = PROJECT_ROOT / "babel.cfg"
KEYWORDS = ["_", "gettext", "ngettext:1,2", "_l", "lazy_gettext", "lazy_ngettext:1,2", "_n:1,2"]
# %(name)s, %s, %d ... and {name} placeholders must survive translation unchanged.
PLACEHOLDER = re.compile(r"%\([a-zA-Z_]\w*\)[sdifr]|%[sdifr]|\{[a-zA-Z_]\w*\}")


def _pybabel(*args):
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract(output=TEMPLATE):
    keyword_args = [arg for keyword in KEYWORDS for arg in ("-k", keyword)]
    # Relative input paths keep the locations in the catalogs the same on every machine;
    # Babel skips folders starting with "_" unless told otherwise (templates/_macros).
    with contextlib.chdir(PROJECT_ROOT):
        _pybabel(
            "extract",
            "-F", str(BABEL_CFG),
            *keyword_args,
            "--ignore-dirs", ".* __pycache__",
            "--no-wrap",
            # No file:line comments and msgids in order: catalogs change only when messages
            # do, so work on two branches rarely collides in them.
            "--no-location",
            "--sort-output",
            "--project", "Consult",
            "-o", str(output),
            "consult",
            "templates",
        )  # fmt: skip


def update():
    extract()
    for locale in UI_LOCALES:
        po = TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"
        command = "update" if po.exists() else "init"
        args = ["-i", str(TEMPLATE), "-d", str(TRANSLATIONS), "-l", locale, "--no-wrap"]
        if command == "update":
            args.append("--ignore-obsolete")
        _pybabel(command, *args)
        _write(locale, _read(locale))  # the stable form: no locations, fixed dates


def compile_all():
    _pybabel("compile", "-d", str(TRANSLATIONS))


def _placeholders(text):
    return sorted(PLACEHOLDER.findall(text or ""))


def _strings(value):
    return list(value) if isinstance(value, tuple | list) else [value]


def _display(path):
    path = Path(path)
    return path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path


def check_catalog(path, expected_ids):
    """Problems with one catalog: missing, untranslated, fuzzy, placeholder mismatches."""
    with open(path, "rb") as handle:
        catalog = read_po(handle)
    problems = []
    seen = set()
    for message in catalog:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        seen.add(key)
        where = f"{_display(path)}: {key!r}"
        if message.fuzzy:
            problems.append(f"{where}: fuzzy")
        translations = _strings(message.string)
        if not all(translations):
            problems.append(f"{where}: untranslated")
            continue
        originals = _strings(message.id)
        for index, translation in enumerate(translations):
            original = originals[min(index, len(originals) - 1)]
            if _placeholders(original) != _placeholders(translation):
                # Plural forms may drop a %(num)d that the singular omits too.
                problems.append(
                    f"{where}: placeholders {_placeholders(original)} "
                    f"became {_placeholders(translation)}"
                )
    for missing in sorted(expected_ids - seen):
        problems.append(f"{_display(path)}: {missing!r}: missing")
    return problems


def check():
    """Problems in every catalog, measured against a fresh extraction of the sources."""
    with tempfile.TemporaryDirectory() as folder:
        pot = Path(folder) / "messages.pot"
        extract(pot)
        with open(pot, "rb") as handle:
            expected = {
                m.id[0] if isinstance(m.id, tuple) else m.id for m in read_po(handle) if m.id
            }
    problems = []
    for locale in UI_LOCALES:
        po = TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"
        if not po.exists():
            problems.append(f"{po.relative_to(PROJECT_ROOT)}: catalog missing")
            continue
        problems.extend(check_catalog(po, expected))
    return problems


def _catalog_path(locale):
    return TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"


def _read(locale):
    with open(_catalog_path(locale), "rb") as handle:
        return read_po(handle, locale=locale)


# Fixed header dates: a catalog's text changes only when its messages do.
STABLE_DATE = datetime(2026, 1, 1, tzinfo=UTC)


def _write(locale, catalog):
    from babel.messages.pofile import write_po

    catalog.creation_date = catalog.revision_date = STABLE_DATE
    with open(_catalog_path(locale), "wb") as handle:
        write_po(
            handle,
            catalog,
            width=0,
            no_location=True,
            sort_output=True,
            ignore_obsolete=True,
            include_previous=False,
        )


def _needs_work(message):
    return message.id and (message.fuzzy or not all(_strings(message.string)))


def todo():
    """{msgid: {locale: current translation}} for every message a Chinese catalog lacks.

    English is filled from the source text by ``fill``, so only Chinese needs writing.
    """
    wanted = {}
    for locale in ("zh_Hans", "zh_Hant"):
        for message in _read(locale):
            if _needs_work(message):
                key = message.id[0] if isinstance(message.id, tuple) else message.id
                wanted.setdefault(key, {"zh_Hans": "", "zh_Hant": ""})
    return wanted


def fill(translations):
    """Write ``{msgid: {"zh_Hans": ..., "zh_Hant": ..., "en": optional}}`` into the catalogs.

    English takes the source text unless given. Fuzzy marks are cleared on what is filled.
    Returns the msgids that are still missing somewhere.
    """
    for locale in UI_LOCALES:
        catalog = _read(locale)
        for message in catalog:
            if not message.id:
                continue
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            given = translations.get(key, {}).get(locale)
            if locale == "en" and given is None and _needs_work(message):
                given = message.id
            if given is None:
                continue
            if isinstance(message.id, tuple):
                if isinstance(given, str):
                    given = (given,) * (2 if locale == "en" else 1)
                message.string = tuple(given)
            else:
                message.string = given
            message.flags.discard("fuzzy")
        _write(locale, catalog)
    return sorted(todo())


def merge_catalogs(base_path, ours_path, theirs_path):
    """A git merge driver for catalogs: the union of both sides' messages, written to ours.

    Two branches that each add messages never conflict. Where a message's translation
    differs, the side that changed it from the common ancestor wins (ours if both did).
    Configure it with ``git config merge.catalog.driver
    ".venv/bin/python -m consult.catalogs merge %O %A %B"`` (see .gitattributes).
    """
    from babel.messages.pofile import write_po

    def read(path):
        with open(path, "rb") as handle:
            return read_po(handle)

    base, ours, theirs = read(base_path), read(ours_path), read(theirs_path)
    for message in theirs:
        if not message.id:
            continue
        mine = ours.get(message.id, context=message.context)
        original = base.get(message.id, context=message.context)
        if mine is None:
            ours[message.id] = message
        elif not all(_strings(mine.string)) and all(_strings(message.string)):
            mine.string = message.string
            mine.flags.discard("fuzzy")
        elif (
            original is not None
            and mine.string == original.string
            and message.string != original.string
            and all(_strings(message.string))
        ):
            mine.string = message.string  # only their side changed the translation
    ours.creation_date = ours.revision_date = STABLE_DATE
    with open(ours_path, "wb") as handle:
        write_po(handle, ours, width=0, no_location=True, sort_output=True, ignore_obsolete=True)
    return 0


if __name__ == "__main__":
    import sys

    if len(sys.argv) == 5 and sys.argv[1] == "merge":
        raise SystemExit(merge_catalogs(*sys.argv[2:]))
    raise SystemExit("usage: python -m consult.catalogs merge BASE OURS THEIRS")
