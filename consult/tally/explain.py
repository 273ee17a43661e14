"""Plain-language explanations of every round, in English, Simplified and Traditional Chinese.

``explain(result)`` fills ``Round.explanation`` with one paragraph per language: the rule and
threshold, the count, the ballots not counted and why, every decision (with how a tie was
broken), the transfers and the residual surplus. ``render_table(result, lang)`` is the
readable table printed by ``python -m consult.tally --explain``.
"""

from __future__ import annotations

from consult.tally.messages import LANGUAGES, MESSAGES
from consult.tally.model import Result, Round
from consult.tally.numbers import fmt

METHOD_NAMES = {
    "en": {
        "irv": "instant runoff",
        "stv": "single transferable vote",
        "plurality": "plurality",
        "approval": "approval",
        "block": "block vote",
        "score": "score",
        "borda": "Borda",
        "schulze": "Schulze",
        "yes_no": "yes / no",
        "committee_majority": "residents' committee election",
    },
    "zh_Hans": {
        "irv": "排序复选制（即时决选）",
        "stv": "单记可让渡投票制",
        "plurality": "相对多数制",
        "approval": "认可投票制",
        "block": "全额连记制",
        "score": "评分投票制",
        "borda": "波达计数法",
        "schulze": "舒尔茨方法",
        "yes_no": "赞成 / 反对",
        "committee_majority": "居民委员会换届选举",
    },
    "zh_Hant": {
        "irv": "排序複選制（即時決選）",
        "stv": "單記可讓渡投票制",
        "plurality": "相對多數制",
        "approval": "認可投票制",
        "block": "全額連記制",
        "score": "評分投票制",
        "borda": "波達計數法",
        "schulze": "舒爾茨方法",
        "yes_no": "贊成 / 反對",
        "committee_majority": "居民委員會換屆選舉",
    },
}


# notes that follow the decisions: what the round's outcome leaves to the committee
LATE_NOTES = ("vacant_allowed", "vacant_if_three")


def _num(value):
    if isinstance(value, list | tuple):
        return value
    try:
        return fmt(value)
    except TypeError:
        return value


def _say(lang: str, key: str, **params) -> str:
    words = MESSAGES[lang]
    sep = words["sep"]
    clean = {}
    for name, value in params.items():
        value = _num(value)
        if isinstance(value, list | tuple):
            value = sep.join(str(v) for v in value)
        clean[name] = value
    if "position" in clean:
        clean["position"] = words[f"position.{clean['position']}"]
    if "basis" in clean and clean["basis"] in ("cast", "ballots", "eligible"):
        clean["basis"] = words[f"basis.{clean['basis']}"]
    return words[key].format(**clean)


def _name(lang: str, key: str) -> str:
    return MESSAGES[lang].get(f"reason.{key}", key)


def _pairs(lang, mapping, *, names=False, order_by_value=True):
    items = list(mapping.items())
    if order_by_value:
        items.sort(key=lambda kv: -kv[1])
    sep = " " if lang == "en" else " "
    return [f"{_name(lang, k) if names else k}{sep}{fmt(v)}" for k, v in items]


def explain_round(result: Result, rnd: Round, lang: str) -> str:
    words = MESSAGES[lang]
    parts: list[str] = []
    later = []
    for code, params in rnd.notes:
        if code == "surplus":
            if params["surplus"]:
                later.append(_say(lang, code, **params))
            continue
        if code in LATE_NOTES:
            later.append(_say(lang, code, **params))
            continue
        parts.append(_say(lang, code, **params))
    tally_key = {"borda": "tally.borda", "score": "tally.score", "schulze": "tally.schulze"}.get(
        result.method, "tally"
    )
    if rnd.tally:
        tally = rnd.tally
        if result.method == "yes_no":
            tally = {words[f"option.{k}"]: v for k, v in tally.items()}
        parts.append(_say(lang, tally_key, list=_pairs(lang, tally)))
    write_ins = rnd.extra.get("write_ins")
    if write_ins:
        parts.append(
            _say(lang, "write_ins", list=[f"{n} {fmt(rnd.tally.get(n, 0))}" for n in write_ins])
        )
    inactive = {k: v for k, v in rnd.inactive.items() if v}
    if inactive:
        parts.append(
            _say(
                lang,
                "inactive",
                total=sum(inactive.values()),
                list=_pairs(lang, inactive, names=True),
            )
        )
    for decision in rnd.decisions:
        params = dict(decision.params)
        if "tied" in params:
            params["tied"] = [t for t in params["tied"] if t != decision.candidate]
        parts.append(
            _say(lang, f"{decision.kind}.{decision.reason}", candidate=decision.candidate, **params)
        )
        if decision.tie:
            tie = dict(decision.tie)
            method = tie.pop("method")
            selected = tie.pop("selected")
            parts.append(_say(lang, f"tie.{method}", selected=selected, **tie))
    if not rnd.decisions and result.method in ("irv", "stv"):
        parts.append(words["no_decision"])
    parts.extend(later)
    for source, targets in rnd.transfers.items():
        parts.append(
            _say(
                lang,
                "transfer",
                candidate=source,
                list=[f"{_name(lang, k)} {fmt(v)}" for k, v in targets.items()],
            )
        )
    if rnd.residual_surplus:
        parts.append(_say(lang, "residual", residual=rnd.residual_surplus))
    return words["space"].join(parts)


def explain(result: Result) -> Result:
    for rnd in result.rounds:
        rnd.explanation = {lang: explain_round(result, rnd, lang) for lang in LANGUAGES}
    return result


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def render_table(result: Result, lang: str = "en") -> str:
    """The rounds as a readable table, followed by each round's explanation."""
    words = MESSAGES[lang]
    label = {k[6:]: v for k, v in words.items() if k.startswith("label.")}
    lines = [f"{label['method']}: {METHOD_NAMES[lang][result.method]}"]
    for rnd in result.rounds:
        lines.append("")
        head = label["round"].format(round=rnd.number)
        if rnd.threshold is not None:
            head += f"  ({label['threshold']}: {fmt(rnd.threshold)})"
        lines.append(head)
        rows = [(name, fmt(v)) for name, v in rnd.tally.items()]
        rows += [
            (f"{label['inactive']}: {_name(lang, k)}", fmt(v)) for k, v in rnd.inactive.items() if v
        ]
        first = max([_width(label["candidate"])] + [_width(r[0]) for r in rows])
        second = max([_width(label["votes"])] + [_width(r[1]) for r in rows])
        lines.append(f"  {_pad(label['candidate'], first)}  {label['votes']:>{second}}")
        lines.append(f"  {'-' * first}  {'-' * second}")
        for name, value in rows:
            lines.append(f"  {_pad(name, first)}  {value:>{second}}")
        for decision in rnd.decisions:
            lines.append(f"  -> {label.get(decision.kind, decision.kind)}: {decision.candidate}")
        text = rnd.explanation.get(lang) or explain_round(result, rnd, lang)
        lines.append(f"  {text}")
    lines.append("")
    winners = words["sep"].join(result.winners) if result.winners else label["none"]
    lines.append(f"{label['winners']}: {winners}")
    return "\n".join(lines) + "\n"
