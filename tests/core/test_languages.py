import pytest

from consult.i18n import negotiate_accept_language, normalize_locale


def lang_of(page):
    return page.split('<html lang="', 1)[1].split('"', 1)[0]


@pytest.mark.parametrize(
    ("header", "expected_lang", "greeting"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh-Hans", "欢迎来到春江社区"),
        ("zh-SG", "zh-Hans", "欢迎来到春江社区"),
        ("zh", "zh-Hans", "欢迎来到春江社区"),
        ("zh-Hans-CN", "zh-Hans", "欢迎来到春江社区"),
        ("zh-TW,zh;q=0.8", "zh-Hant", "歡迎來到春江社區"),
        ("zh-HK", "zh-Hant", "歡迎來到春江社區"),
        ("zh-MO", "zh-Hant", "歡迎來到春江社區"),
        ("zh-Hant", "zh-Hant", "歡迎來到春江社區"),
        ("en-US,en;q=0.9", "en", "Welcome to Chunjiang Community"),
        ("fr-FR,de;q=0.8", "en", "Welcome to Chunjiang Community"),
        ("de-DE,zh-TW;q=0.5", "zh-Hant", "歡迎來到春江社區"),
        ("", "en", "Welcome to Chunjiang Community"),
    ],
)
def test_accept_language_chooses_the_ui(client, header, expected_lang, greeting):
    page = client.get("/", headers={"Accept-Language": header}).get_data(as_text=True)
    assert lang_of(page) == expected_lang
    assert greeting in page


def test_negotiation_prefers_the_higher_quality_tag():
    from werkzeug.datastructures import LanguageAccept

    header = LanguageAccept([("en", 0.5), ("zh-TW", 0.9)])
    assert negotiate_accept_language(header) == "zh_Hant"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("zh_Hans", "zh_Hans"),
        ("zh-hant", "zh_Hant"),
        ("en-GB", "en"),
        ("ja", None),
        ("", None),
        ("??", None),
    ],
)
def test_normalize_locale(value, expected):
    assert normalize_locale(value) == expected


def test_switcher_sets_a_cookie_that_beats_the_header(client):
    response = client.post("/language", data={"locale": "zh_Hant", "next": "/account/sign-in"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/account/sign-in")
    cookie = client.get_cookie("consult_lang", domain="consult.test")
    assert cookie.value == "zh_Hant"
    page = client.get("/", headers={"Accept-Language": "en-US"}).get_data(as_text=True)
    assert lang_of(page) == "zh-Hant"


def test_switcher_is_on_every_page_with_the_current_language_marked(client):
    page = client.get("/account/sign-in", headers={"Accept-Language": "zh-CN"}).get_data(
        as_text=True
    )
    assert 'action="/language"' in page
    assert 'value="zh_Hans" lang="zh-Hans"\n              aria-pressed="true"' in page
    for name in ("English", "简体中文", "繁體中文"):
        assert name in page


def test_switcher_refuses_unknown_languages_and_foreign_redirects(client):
    response = client.post("/language", data={"locale": "xx", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response.headers["Location"] in ("/", "http://consult.test/")
    assert client.get_cookie("consult_lang", domain="consult.test") is None


def test_signed_in_choice_is_kept_in_the_profile(client, db, signed_in):
    user = signed_in(locale="en")
    client.post("/language", data={"locale": "zh_Hans"})
    db.session.refresh(user)
    assert user.preferred_locale == "zh_Hans"
    # A new browser (no cookie) still gets the profile's language after signing in.
    client.delete_cookie("consult_lang", domain="consult.test")
    page = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert lang_of(page) == "zh-Hans"


def test_dates_follow_the_locale_and_community_time_zone(app, db):
    from datetime import UTC, datetime

    from flask_babel import force_locale, format_datetime

    moment = datetime(2026, 3, 1, 20, 30, tzinfo=UTC)  # 04:30 next day in Shanghai
    with app.test_request_context():
        with force_locale("en"):
            english = format_datetime(moment, "medium")
        with force_locale("zh_Hans"):
            chinese = format_datetime(moment, "medium")
    assert "Mar 2, 2026" in english and "4:30" in english
    assert "2026年3月2日" in chinese and "04:30" in chinese
