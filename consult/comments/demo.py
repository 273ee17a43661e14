"""The demo's bilingual discussion of the parking proposal, written, translated, liked,
edited, deleted, reported and moderated through the real services.

Three more residents join the demo to make it a discussion: 陈磊 (Simplified Chinese),
張志明 (Traditional Chinese, from Taiwan) and Jean Dupont (English), each verified by the
committee from their register entry.
"""

from sqlalchemy import select

from consult.accounts import services as accounts
from consult.accounts.demo import DEMO_PASSWORD
from consult.comments import likes, moderation, services
from consult.comments.models import Comment
from consult.extensions import db
from consult.multilingual import services as translations
from consult.proposals.models import Proposal
from consult.residents.models import Resident
from consult.residents.services import resident_of, verify_resident

PARKING_TITLE = "小区停车位不足怎么办"
WANG, ANNA = "wang.fang@example.org", "anna.smith@example.org"
CHEN, CHANG, JEAN = "chen.lei@example.org", "chang.chihming@example.org", "jean.dupont@example.org"
COMMITTEE, TRANSLATOR = "committee@example.org", "translator@example.org"
# email, display name, UI language, the register entry they are
RESIDENTS = [
    (CHEN, "陈磊", "zh_Hans", "陈磊"),
    (CHANG, "張志明", "zh_Hant", "張志明"),
    (JEAN, "Jean Dupont", "en", "Jean Dupont"),
]

# key, author, answers (key), language, stance, text, translation (or None)
THREAD = [
    ("space", CHEN, None, "zh-Hans", "for",
     "支持！我每天晚上八点下班回来，经常要在小区外面转半个小时才能找到车位。",
     "I support this! I come home from work at 8 pm and often drive around outside the compound for half an hour to find a space."),
    ("size", ANNA, "space", "en", None,
     "Same for us. But could the empty ground by the north gate really hold many cars? It looks small to me.",
     "我们也一样。不过北门旁边的空地真的能停很多车吗？我看着挺小的。"),
    ("measured", CHEN, "size", "zh-Hans", None,
     "我量过，大概能停**二十辆**车。如果画好车位线，可能还能多停几辆。",
     "I measured it: about **twenty** cars. With marked bays, maybe a few more."),
    ("owner", ANNA, "measured", "en", None,
     "Twenty spaces would help a lot. @陈磊 do you know who owns that land?",
     "二十个车位会很有帮助。@陈磊 你知道那块地归谁吗？"),
    ("meeting", WANG, "owner", "zh-Hans", None,
     "@Anna Smith 那块地属于小区，物业公司说需要业主大会同意。",
     "@Anna Smith The land belongs to the compound; the property company says the owners' meeting must agree."),
    ("agenda", JEAN, "meeting", "en", None,
     "Then let's put it on the agenda of the next owners' meeting.", None),
    ("football", JEAN, None, "en", "against",
     "I am against turning that ground into a car park: children play football there every afternoon.",
     "我反对把那块空地改成停车场：每天下午孩子们都在那里踢球。"),
    ("offices", CHANG, "football", "zh-Hant", None,
     "我同意，孩子們需要活動的地方。可以考慮錯峰共享附近寫字樓的停車位。",
     "I agree, children need somewhere to play. We could share the office building's car park at off-peak hours."),
    ("cost", CHEN, "offices", "zh-Hans", None,
     "写字楼晚上空着，这个办法好。不过费用谁出？", None),
    ("fee", ANNA, "cost", "en", None,
     "Maybe the residents who use those spaces pay a small monthly fee, say 100 yuan.", None),
    ("night", ANNA, "football", "en", None,
     "Good point about the children. Could the car park be for nights only, from 7 pm to 7 am?",
     "孩子的事说得对。停车场能不能只在晚上开放，从晚上7点到早上7点？"),
    ("pavement", ANNA, None, "en", "neutral",
     "I don't have a car, but visitors park on the pavement and block wheelchairs and prams. Whatever we choose, please keep the pavements free.",
     None),
    ("thanks", WANG, "pavement", "zh-Hans", None,
     "谢谢提醒！人行道的问题我们也会一起提给居委会。", None),
    ("visitors", CHANG, None, "zh-Hant", "for",
     "支持外來車輛登記後限時停放，**兩小時**足夠了。", None),
    ("vans", JEAN, "visitors", "en", None,
     "Two hours is fine for visitors, but what about delivery vans?", None),
    ("gate", CHANG, "vans", "zh-Hant", None,
     "快遞車可以停在北門外的臨時區域，十分鐘以內。", None),
    ("data", JEAN, None, "en", None,
     "Is there any data on how many outside cars park here each night? It would help us decide.",
     "有没有每晚有多少外来车辆停在这里的数据？这能帮助我们做决定。"),
    ("ask", ANNA, None, "en", "for",
     "I'll ask the property company tomorrow and report back here.", None),
    ("grateful", CHEN, "ask", "zh-Hans", None, "谢谢Anna！等你的消息。", None),
    ("phone", CHEN, "football", "zh-Hans", None,
     "那辆总停在球场边的白色轿车是3幢李先生的，电话13800000000，大家直接打给他。", None),
    ("summary", CHEN, None, "zh-Hans", None,
     "大家可以先在评论里表个态吗？我整理一下意见交给居委会。", None),
    ("tally", WANG, "summary", "zh-Hans", None,
     "好主意。我先说：我支持夜间开放的临时停车场，白天留给孩子们。", None),
]  # fmt: skip
VERIFIED = {"space", "size", "owner", "football", "offices"}
LIKES = [(ANNA, "space"), (ANNA, "measured"), (JEAN, "offices"), (WANG, "night"),
         (CHEN, "night"), (CHANG, "night"), (WANG, "pavement")]  # fmt: skip
EDITED = ("data", "Is there any data on how many outside cars park here each night? It would help us decide. (I can help count them one evening.)")  # fmt: skip


def _user(email):
    user = accounts.find_user_by_email(email)
    if user is None:
        raise RuntimeError(f"demo account {email} is missing: seed accounts first")
    return user


def _demo_residents(committee):
    """Accounts for three more residents, verified from their register entries."""
    for email, name, locale, register_name in RESIDENTS:
        user = accounts.find_user_by_email(email)
        if user is None:
            user = accounts.create_user(email, name, DEMO_PASSWORD, locale=locale)
        resident = db.session.scalars(select(Resident).filter_by(full_name=register_name)).first()
        if resident is not None and resident.user_id is None and resident_of(user) is None:
            verify_resident(committee, resident, user, note="Demo data: verified at the committee office.")  # fmt: skip
        yield f"resident account: {email}"


def seed_comments():
    """The parking proposal's discussion (idempotent)."""
    proposal = db.session.scalars(select(Proposal).filter_by(title=PARKING_TITLE)).first()
    if proposal is None:
        yield "no parking proposal: no demo discussion"
        return
    if db.session.scalar(select(Comment.id).filter_by(target_type="proposal", target_id=proposal.id)):  # fmt: skip
        yield "exists: the parking proposal's discussion"
        return
    committee, translator = _user(COMMITTEE), _user(TRANSLATOR)
    yield from _demo_residents(committee)
    made = {}
    for key, email, answers, language, stance, text, _english in THREAD:
        made[key] = services.post_comment(
            _user(email), proposal, text, language, stance=stance, parent=made.get(answers)
        )
    for key, *_rest, translated in THREAD:
        if translated:
            target = "en" if made[key].language.startswith("zh") else "zh-Hans"
            row = translations.save_translation(translator, made[key], target, {"body": translated})
            if key in VERIFIED:
                translations.verify_translation(committee, made[key], row)
    for email, key in LIKES:
        likes.like_comment(_user(email), made[key])
    services.edit_comment(
        _user(JEAN), made[EDITED[0]], EDITED[1], "en"
    )  # its translation is outdated
    services.delete_comment(_user(ANNA), made["ask"])  # the reply under it stays
    for email in (ANNA, JEAN):
        moderation.flag_comment(_user(email), made["phone"], "personal_data", "A neighbour's phone number.")  # fmt: skip
    moderation.hide_comment(
        committee, made["phone"], "personal_data",
        "Please do not publish a neighbour's phone number; ask the committee to contact him.",
    )  # fmt: skip
    moderation.flag_comment(translator, made["fee"], "off_topic", "Fees are for the property company.")  # fmt: skip
    yield f"comments: {len(made)} on {PARKING_TITLE}, in Chinese and English, some translated"
    db.session.flush()
