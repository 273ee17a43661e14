"""The demo community's resident register: loaded through the real importer."""

from sqlalchemy import select

from consult.accounts.models import User
from consult.core.permissions import COMMITTEE
from consult.extensions import db
from consult.residents import importer, services
from consult.residents.csvformat import COLUMNS, export_csv
from consult.residents.models import Building, Grid, Household, Resident

_H = ("household_code", "building", "unit", "room", "grid")
DEMO_HOUSEHOLDS = {
    "CJ-01-0101": ("1", "1", "101", "春江第一网格"),
    "CJ-01-0202": ("1", "2", "202", "春江第一网格"),
    "CJ-02-0301": ("2", "1", "301", "春江第一网格"),
    "CJ-03-0102": ("3", "1", "102", "春江第二网格"),
    "CJ-03-0405": ("3", "2", "405", "春江第二网格"),
    "CJ-05-1201": ("5", "1", "1201", "春江第二网格"),
    "WD-08-0601": ("文鼎苑8", "1", "601", "文鼎苑网格"),
    "WD-08-0903": ("文鼎苑8", "2", "903", "文鼎苑网格"),
    "WD-09-1102": ("文鼎苑9", "1", "1102", "文鼎苑网格"),
    "WD-09-1504": ("文鼎苑9", "2", "1504", "文鼎苑网格"),
}
DEMO_RESIDENTS = [
    # household, full name (own script), Latin name, gender, birth date, nationality, languages, e-mail
    ("CJ-01-0101", "王芳", "Wang Fang", "F", "1982-05-17", "CN", "zh;en", "wang.fang@example.org"),
    ("CJ-01-0101", "陈磊", "Chen Lei", "M", "1980-11-02", "CN", "zh", ""),
    ("CJ-01-0101", "陈小雨", "Chen Xiaoyu", "F", "2012-03-09", "CN", "zh;en", ""),
    ("CJ-01-0202", "Anna Smith", "", "F", "1990-02-28", "GB", "en;zh", "anna.smith@example.org"),
    ("CJ-01-0202", "Tom Smith", "", "M", "1988-07-30", "GB", "en", ""),
    ("CJ-02-0301", "김민준", "Kim Minjun", "M", "1979-09-21", "KR", "ko;zh", ""),
    ("CJ-02-0301", "이서연", "Lee Seoyeon", "F", "1983-01-14", "KR", "ko", ""),
    ("CJ-03-0102", "Марина Иванова", "Marina Ivanova", "F", "1995-06-03", "RU", "ru;en", ""),
    ("CJ-03-0405", "山田花子", "Yamada Hanako", "F", "1975-12-24", "JP", "ja;zh", ""),
    ("CJ-05-1201", "張志明", "Chang Chih-ming", "M", "1968-04-05", "TW", "zh-Hant;en", ""),
    ("WD-08-0601", "Jean Dupont", "", "M", "2001-10-11", "FR", "fr;en;zh", ""),
    ("WD-08-0903", "Nguyễn Văn An", "Nguyen Van An", "M", "2000-08-19", "VN", "vi;zh", ""),
    ("WD-09-1102", "Kwame Osei", "", "M", "1999-03-27", "GH", "en;zh", ""),
    ("WD-09-1504", "प्रिया शर्मा", "Priya Sharma", "F", "2002-01-30", "IN", "hi;en", ""),
    ("WD-09-1504", "Maria Silva", "", "F", "2003-05-05", "BR", "pt;en", ""),
]
DEMO_VERIFIED = ("wang.fang@example.org", "anna.smith@example.org")
# English names of the demo's grids and buildings (the register file writes them in Chinese).
DEMO_PLACE_NAMES = {
    (Grid, "春江第一网格"): "Chunjiang Grid 1",
    (Grid, "春江第二网格"): "Chunjiang Grid 2",
    (Grid, "文鼎苑网格"): "Wendingyuan Grid",
    (Building, "文鼎苑8"): "Wendingyuan 8",
    (Building, "文鼎苑9"): "Wendingyuan 9",
}


def demo_csv():
    rows = []
    for code, full, latin, gender, born, nationality, languages, email in DEMO_RESIDENTS:
        values = dict(zip(_H, (code, *DEMO_HOUSEHOLDS[code]), strict=True))
        values.update(
            full_name=full, latin_name=latin, gender=gender, birth_date=born,
            nationality=nationality, languages=languages, phone="", email=email,
        )  # fmt: skip
        rows.append(tuple(values[column] for column in COLUMNS))
    return export_csv(rows)


def seed_register():
    """The demo register, and two demo accounts verified by the committee (idempotent)."""
    checked, counts = importer.import_register(demo_csv())
    if counts is None:
        raise RuntimeError(f"demo register has problems: {checked.problems}")
    yield (
        f"register: {counts['households_created']} households and "
        f"{counts['residents_created']} residents created"
    )
    committee = db.session.scalars(select(User).filter_by(role=COMMITTEE).order_by(User.id)).first()
    for (model, name), english in DEMO_PLACE_NAMES.items():
        place = db.session.scalars(select(model).filter_by(name=name)).first()
        if place is not None and committee is not None and not place.names:
            services.update_place(committee, place, names={"en": english})
            yield f"named in English: {name} ({english})"
    for email in DEMO_VERIFIED:
        user = db.session.scalars(select(User).filter_by(email=email)).first()
        resident = db.session.scalars(
            select(Resident).join(Household).filter(Resident.email == email)
        ).first()
        if user is None or resident is None or committee is None:
            continue
        if resident.user_id is not None or services.resident_of(user) is not None:
            yield f"exists: verified resident {email}"
            continue
        services.verify_resident(
            committee, resident, user, note="Demo data: verified at the committee office."
        )
        yield f"verified resident: {email}"
