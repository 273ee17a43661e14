"""The demo community's proposals, written, translated, verified and answered through the
real services (so the audit trail and timelines are as they would be)."""

from datetime import timedelta

from sqlalchemy import select

from consult.accounts.services import find_user_by_email
from consult.extensions import db
from consult.multilingual import services as translations
from consult.proposals import answers, categories, services, supports
from consult.proposals.dates import community_today
from consult.proposals.models import Proposal
from consult.proposals.models import Scope as S
from consult.residents.models import Building, Grid

PARKING_TITLE = "小区停车位不足怎么办"
CATEGORIES = [
    ("Parking and traffic", "停车与交通"),
    ("Environment and greenery", "环境与绿化"),
    ("Safety", "安全"),
    ("Community life", "社区活动"),
    ("Facilities and repairs", "设施维修"),
]
WANG, ANNA = "wang.fang@example.org", "anna.smith@example.org"
COMMITTEE, TRANSLATOR = "committee@example.org", "translator@example.org"

# author, category index, scope, language, title, summary, body, what happens next
PROPOSALS = [
    (WANG, 0, S.COMMUNITY, "zh-Hans", PARKING_TITLE,
     "晚上回家经常找不到车位，外来车辆占用居民车位。",
     "最近一年小区里的车越来越多，晚上七点以后几乎找不到车位。\n\n建议：\n\n- 外来车辆登记后限时停放\n- 把北门旁的空地改成临时停车场\n- 错峰共享附近写字楼的停车位",
     "verified"),
    (ANNA, 4, S.COMMUNITY, "en", "Bilingual signs at the community service centre",
     "Signs at the service centre are only in Chinese.",
     "Many international residents cannot read the signs at the **community service centre**: which window handles residence registration, opening hours, where to queue.\n\nPlease add English to the main signs.",
     "verified"),
    (WANG, 1, S.COMMUNITY, "zh-Hans", "垃圾分类指引需要英文版",
     "外籍居民不清楚垃圾分类规则。",
     "很多外籍居民不了解杭州的垃圾分类规则，常常把厨余垃圾和其他垃圾混在一起。建议在每栋楼的垃圾房贴上中英文对照的分类指引。",
     "review"),
    (ANNA, 3, S.COMMUNITY, "en", "A weekend language exchange corner",
     "Chinese and international neighbours teach each other their languages.",
     "Every Saturday morning, one room of the community centre could host a **language exchange**: Chinese residents practise English, international residents practise Chinese.",
     "answered"),
    (WANG, 2, S.GRID, "zh-Hans", "夜间照明不足",
     "第一网格的小路晚上太暗。",
     "第一网格1幢和2幢之间的小路晚上没有路灯，老人和孩子走路很不安全。",
     "outdated"),
    (ANNA, 0, S.BUILDING, "en", "Bicycle racks near building 3",
     "Bicycles block the entrance of building 3.",
     "There is no bicycle rack near building 3, so bicycles are left in front of the door. A covered rack for twenty bicycles would solve it.",
     "closed"),
    (COMMITTEE, 4, S.COMMUNITY, "zh-Hans", "增加儿童游乐设施",
     "小区只有一处儿童游乐场，设施老旧。",
     "居委会建议在中心花园增加一组儿童游乐设施，并更换老旧的秋千。请大家提出意见。",
     "requested"),
    (ANNA, 1, S.COMMUNITY, "en", "Quiet hours for renovation work",
     "Renovation noise on Sunday mornings.",
     "Renovation work often starts at 8 on Sunday mornings. Could the community agree on quiet hours?",
     "withdrawn"),
    (WANG, 3, S.COMMUNITY, "zh-Hans", "社区菜园",
     "把空地变成居民共享的小菜园。",
     "北门旁边有一块闲置的空地，可以分成小块，让居民一起种菜。",
     "draft"),
]  # fmt: skip
TRANSLATIONS = {
    PARKING_TITLE: ("Not enough parking spaces in the compound",
                    "Residents coming home in the evening often find no parking space; outside cars take residents' spaces.",
                    "In the past year there have been more and more cars in the compound, and after 7 pm there is hardly a free space.\n\nSuggestions:\n\n- outside cars register and park for a limited time\n- turn the empty ground by the north gate into a temporary car park\n- share the parking of the office building nearby at off-peak hours"),
    "Bilingual signs at the community service centre": ("社区服务中心的双语标识", "服务中心的标识只有中文。",
        "很多外籍居民看不懂**社区服务中心**的标识：哪个窗口办理居住登记、开放时间、在哪里排队。\n\n请在主要标识上加上英文。"),
    "垃圾分类指引需要英文版": ("Rubbish sorting guides in English", "International residents do not know the sorting rules.",
        "Many international residents do not know Hangzhou's rubbish sorting rules and often mix kitchen waste with other waste. Please put bilingual sorting guides in every building's rubbish room."),
    "A weekend language exchange corner": ("周末语言交流角", "中外邻居互相教语言。",
        "每周六上午，社区中心的一个房间可以举办**语言交流**：中国居民练习英语，外籍居民练习中文。"),
    "夜间照明不足": ("Not enough light at night", "The path in grid 1 is too dark at night.",
        "The path between buildings 1 and 2 has no street light; walking there at night is unsafe."),
    "Bicycle racks near building 3": ("3号楼附近的自行车架", "自行车堵住了3号楼的入口。",
        "3号楼附近没有自行车架，自行车都停在门口。一个能停二十辆车的带顶棚车架就能解决问题。"),
}  # fmt: skip
ANSWERS = {
    "A weekend language exchange corner": ("adopted",
        "居委会采纳这项提案：从下个月起，每周六上午9点到11点，社区中心二楼活动室用作语言交流角。",
        "The committee adopts this proposal: from next month, the activity room on the first floor of the community centre hosts the language exchange corner every Saturday from 9 to 11."),
    "Bicycle racks near building 3": ("adopted_in_part",
        "居委会将在3号楼旁安装一个可停十辆车的车架；带顶棚的车架需要物业公司同意，正在商谈。",
        "The committee will install a rack for ten bicycles next to building 3; a covered rack needs the property company's consent and is being discussed."),
}  # fmt: skip


def _user(email):
    user = find_user_by_email(email)
    if user is None:
        raise RuntimeError(f"demo account {email} is missing: seed accounts first")
    return user


def seed_proposals():
    """Nine demo proposals in every state, with translations (idempotent)."""
    if db.session.scalar(select(Proposal.id).where(Proposal.title == PARKING_TITLE)):
        yield "exists: demo proposals"
        return
    committee, translator = _user(COMMITTEE), _user(TRANSLATOR)
    made = [categories.create_category(committee, en, zh) for en, zh in CATEGORIES]
    yield f"proposals: {len(made)} categories"
    grid = db.session.scalars(select(Grid).order_by(Grid.id)).first()
    building = db.session.scalars(select(Building).where(Building.name == "3")).first()
    today = community_today()
    for email, category, scope, language, title, summary, body, fate in PROPOSALS:
        author = _user(email)
        place = {
            "grid_id": grid.id if scope == S.GRID else None,
            "building_id": building.id if scope == S.BUILDING and building else None,
        }
        if scope == S.BUILDING and building is None:
            scope = S.COMMUNITY
        proposal = services.create_proposal(
            author, title=title, summary=summary, body=body, language=language,
            category_id=made[category].id, scope=scope.value, **place,
        )  # fmt: skip
        if fate != "draft":
            services.publish_proposal(author, proposal, today + timedelta(days=30))
        _translate(proposal, translator, committee, fate)
        _move_on(proposal, fate, committee, translator, author)
        yield f"proposal ({fate}): {title}"
    db.session.flush()


def _translate(proposal, translator, committee, fate):
    texts = TRANSLATIONS.get(proposal.title)
    if texts is None or fate == "draft":
        if fate == "requested":
            translations.request_translation(_user(ANNA), proposal, "en")
        return
    target = "en" if proposal.language.startswith("zh") else "zh-Hans"
    row = translations.save_translation(
        translator, proposal, target, dict(zip(("title", "summary", "body"), texts, strict=True))
    )
    if fate in ("verified", "answered", "closed"):
        translations.verify_translation(committee, proposal, row)
    if fate == "verified" and proposal.language.startswith("zh"):
        supports.support_proposal(_user(ANNA), proposal)
    if fate == "outdated":
        services.update_proposal(
            _user(WANG), proposal, title=proposal.title, summary=proposal.summary,
            body=proposal.body + "\n\n晚上十点以后，2幢门口的灯也坏了。",
            language=proposal.language, category_id=proposal.category_id,
            scope=proposal.scope.value, grid_id=proposal.grid_id,
        )  # fmt: skip


def _move_on(proposal, fate, committee, translator, author):
    if fate in ("review", "answered", "closed"):
        services.start_review(committee, proposal)
    if fate in ("answered", "closed"):
        outcome, chinese, english = ANSWERS[proposal.title]
        answer = answers.save_answer(committee, proposal, outcome, chinese, "zh-Hans", "zh-Hans")
        row = translations.save_translation(translator, answer, "en", {"body": english})
        translations.verify_translation(committee, answer, row)
        answers.publish_answer(committee, proposal)
    if fate == "closed":
        services.close_proposal(committee, proposal)
    if fate == "withdrawn":
        services.withdraw_proposal(
            author, proposal, "The property company has already published quiet hours."
        )
