"""The parking proposal of the issue, its English translation, and a few others to miss."""

from types import SimpleNamespace

import pytest

from consult.multilingual import services as translations
from tests.proposals.conftest import people, switch_to, write  # noqa: F401

ENGLISH = {
    "title": "Not enough parking spaces in the compound",
    "summary": "Residents find no parking space in the evening.",
    "body": "After seven in the evening there is hardly a space left.",
}


@pytest.fixture
def proposals(db, people, write):  # noqa: F811
    """parking (Chinese, with an English translation), a playground one in English, a
    lift one written in Traditional characters, and wang's draft about parking."""
    parking = write(people.wang)
    translations.save_translation(people.translator, parking, "en", ENGLISH)
    playground = write(
        people.anna,
        title="The slide in the children's playground is broken",
        summary="Please repair the slide.",
        body="It has been broken since May.",
        language="en",
    )
    lift = write(
        people.wang,
        title="三號樓電梯經常故障",
        summary="電梯壞了。",
        body="請修理。",
        language="zh-Hant",
    )
    draft = write(
        people.wang,
        published=False,
        title="地下停车场的收费标准",
        summary="草稿：停车费。",
        body="parking fees",
    )
    db.session.commit()
    return SimpleNamespace(parking=parking, playground=playground, lift=lift, draft=draft)
