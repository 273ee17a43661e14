"""Who may use the translation desk's routes (for tests/core/test_route_walker.py)."""

from tests.access import LOGIN, SIGNED_IN

TRANSLATORS = {None: LOGIN, "resident": 403, "translator": 200, "committee": 200}

ACCESS = {
    "multilingual.desk": TRANSLATORS,
    "multilingual.translate": TRANSLATORS,
    "multilingual.verify": TRANSLATORS,
    "multilingual.machine_draft": TRANSLATORS,
    "multilingual.request_translation": SIGNED_IN,
}


def url_values(db):
    """A proposal nobody has translated yet, and one whose translation waits to be verified."""
    from tests.proposals.access import demo_proposal

    untranslated = demo_proposal(db, "增加儿童游乐设施")
    unverified = demo_proposal(db, "垃圾分类指引需要英文版")
    return {
        "content_type": "proposal",
        "content_id": untranslated.id,
        "language": "en",
        "multilingual.verify:content_id": unverified.id,
    }
