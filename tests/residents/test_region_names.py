"""Taiwan, Hong Kong and Macao are named as official usage in mainland China writes them,
in the nationality lists and wherever a country is shown."""

import pytest
from sqlalchemy import select

from consult.residents import importer
from consult.residents.models import Resident
from consult.residents.reference import country_choices, country_name, normalize_nationality
from tests.residents.conftest import ROWS, make_csv

NAMES = {
    "en": {"TW": "Taiwan, China", "HK": "Hong Kong, China", "MO": "Macao, China"},
    "zh_Hans": {"TW": "中国台湾", "HK": "中国香港", "MO": "中国澳门"},
    "zh_Hant": {"TW": "中國臺灣", "HK": "中國香港", "MO": "中國澳門"},
}


@pytest.mark.parametrize("locale", NAMES)
def test_names_and_lists(locale):
    choices = dict(country_choices(locale))
    for code, name in NAMES[locale].items():
        assert country_name(code, locale) == name
        assert choices[code] == name
    names = list(choices.values())
    assert not {"台湾", "台灣", "Taiwan", "Hong Kong SAR China"} & set(names)


def test_chinese_lists_sort_by_pinyin():
    names = [name for _, name in country_choices("zh_Hans")]
    # 阿富汗 (a) before 德国 (de) before 中国 (zhong), not by character code.
    assert names.index("阿富汗") < names.index("德国") < names.index("中国")


def test_the_names_are_read_back_on_import():
    for names in NAMES.values():
        for code, name in names.items():
            assert normalize_nationality(name) == code
    assert normalize_nationality("台湾") == "TW"


def test_the_register_and_the_edit_form_use_them(client, db, committee):
    rows = [dict(ROWS[0], nationality="TW"), dict(ROWS[2], nationality="HK")]
    assert importer.import_register(make_csv(rows))[0].ok
    db.session.commit()
    committee.preferred_locale = "zh_Hans"
    db.session.commit()
    html = client.get("/register").get_data(as_text=True)
    assert "中国台湾" in html and "中国香港" in html
    assert ">台湾<" not in html
    wang = db.session.scalars(select(Resident).filter_by(full_name="王芳")).one()
    assert "中国台湾" in client.get(f"/register/residents/{wang.id}").get_data(as_text=True)
    edit = client.get(f"/register/residents/{wang.id}/edit").get_data(as_text=True)
    assert '<option selected value="TW">中国台湾</option>' in edit
