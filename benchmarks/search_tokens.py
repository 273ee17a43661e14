"""How fast consult.text.search_tokens tokenizes proposals for the site search index.

Run from the repository root:  python benchmarks/search_tokens.py [--proposals N]

Generates N seeded bilingual proposals (title, summary and three to five paragraphs in
Chinese, plus an English translation of each part), then times, separately:

* "load": the first call, which loads OpenCC, jieba's dictionary and pypinyin;
* "tokenize": ``document_tokens`` over every proposal with its translation;
* "FTS5 insert": inserting the token strings into an in-memory SQLite FTS5 table
  (``unicode61``), the other half of rebuilding the index;
* "query": ``query_terms`` and an FTS5 MATCH for a few queries against that table.

Goal: rebuilding the index over 10,000 proposals in under 60 s, so tokenizing should take a
fraction of that. The machine is shared: run it twice and keep the better figure.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from consult.text.search_tokens import document_tokens, fts5_match, query_terms  # noqa: E402

# (Chinese, English) pieces; sentences are made by picking one of each.
PLACES = [
    ("小区", "the compound"), ("三号楼", "Building 3"), ("东门", "the east gate"),
    ("地下车库", "the underground car park"), ("儿童游乐场", "the children's playground"),
    ("社区花园", "the community garden"), ("垃圾分类站", "the waste sorting station"),
    ("老年活动中心", "the seniors' activity centre"), ("自行车棚", "the bicycle shed"),
    ("篮球场", "the basketball court"), ("电梯", "the lift"), ("快递柜", "the parcel lockers"),
]  # fmt: skip
PROBLEMS = [
    ("停车位不足", "there are not enough parking spaces"),
    ("照明太暗", "the lighting is too dim"), ("噪音很大", "it is very noisy"),
    ("经常坏", "it often breaks down"), ("没有无障碍通道", "there is no step-free access"),
    ("卫生条件差", "it is not kept clean"), ("晚上不安全", "it feels unsafe at night"),
    ("排队时间太长", "the queues are too long"), ("标识只有中文", "the signs are only in Chinese"),
    ("充电桩太少", "there are too few charging points"),
]  # fmt: skip
ACTIONS = [
    ("建议居委会", "We ask the residents' committee to"), ("希望物业", "We hope the management will"),
    ("请业主委员会", "We ask the owners' committee to"), ("大家可以一起", "Together we could"),
]  # fmt: skip
REMEDIES = [
    ("增加停车位", "add parking spaces"), ("安装更亮的路灯", "install brighter street lights"),
    ("规定安静时间", "set quiet hours"), ("定期维修", "arrange regular repairs"),
    ("修建坡道", "build a ramp"), ("增加保洁次数", "clean it more often"),
    ("安排夜间巡逻", "arrange night patrols"), ("延长开放时间", "extend the opening hours"),
    ("增加英文标识", "add signs in English"), ("安装更多充电桩", "install more charging points"),
]  # fmt: skip
REASONS = [
    ("因为很多居民晚上回家找不到车位", "because many residents cannot find a space when they come home"),
    ("老人和孩子都受影响", "older people and children are affected"),
    ("外籍居民也反映了这个问题", "international residents have raised this too"),
    ("上个月已经发生了两次事故", "there were two accidents last month"),
    ("费用可以由公共维修基金承担", "the shared repair fund could pay for it"),
]  # fmt: skip


def proposal(rng: random.Random) -> tuple[list[str], list[str]]:
    """(Chinese parts, English parts): title, summary, then three to five paragraphs."""
    place, problem, action, remedy = (
        rng.choice(PLACES),
        rng.choice(PROBLEMS),
        rng.choice(ACTIONS),
        rng.choice(REMEDIES),
    )
    zh = [f"{place[0]}{problem[0]}怎么办", f"{place[0]}{problem[0]}，{action[0]}{remedy[0]}。"]
    en = [
        f"{place[1].capitalize()}: {problem[1]}",
        f"At {place[1]} {problem[1]}. {action[1]} {remedy[1]}.",
    ]
    for _ in range(rng.randint(3, 5)):
        zh_sentences, en_sentences = [], []
        for _ in range(rng.randint(3, 5)):
            place, problem, action, remedy, reason = (
                rng.choice(PLACES), rng.choice(PROBLEMS), rng.choice(ACTIONS),
                rng.choice(REMEDIES), rng.choice(REASONS),
            )  # fmt: skip
            zh_sentences.append(f"{place[0]}{problem[0]}，{reason[0]}，{action[0]}{remedy[0]}。")
            en_sentences.append(
                f"At {place[1]} {problem[1]}, {reason[1]}. {action[1]} {remedy[1]}."
            )
        zh.append("".join(zh_sentences))
        en.append(" ".join(en_sentences))
    return zh, en


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--proposals", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    proposals = [proposal(rng) for _ in range(args.proposals)]
    source_chars = sum(len(part) for zh, en in proposals for part in zh + en)

    started = time.perf_counter()
    document_tokens("小区停车位不足怎么办", "Not enough parking spaces")
    load = time.perf_counter() - started

    started = time.perf_counter()
    rows = [document_tokens(*zh, *en) for zh, en in proposals]
    tokenize = time.perf_counter() - started

    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE search USING fts5(tokens, tokenize='unicode61')")
    started = time.perf_counter()
    with db:
        db.executemany("INSERT INTO search(rowid, tokens) VALUES (?, ?)", enumerate(rows, 1))
    insert = time.perf_counter() - started

    queries = ["停车", "停車 parking", "tingche", "ting che", "charging points", "游泳池"]
    started = time.perf_counter()
    hits = {}
    for query in queries:
        match = fts5_match(query_terms(query))
        hits[query] = db.execute("SELECT count(*) FROM search WHERE search MATCH ?", (match,))
        hits[query] = hits[query].fetchone()[0]
    query_ms = (time.perf_counter() - started) / len(queries) * 1000

    n = len(proposals)
    mean_tokens = sum(len(row) for row in rows) / n
    print(f"{n:,} proposals, {source_chars / n:,.0f} source characters each (zh + en)\n")
    print(f"| {'step':<24} | {'seconds':>8} | {'proposals/s':>11} |")
    print(f"|{'-' * 26}|{'-' * 10}|{'-' * 13}|")
    print(f"| {'load (first call)':<24} | {load:>8.2f} | {'':>11} |")
    print(f"| {'tokenize':<24} | {tokenize:>8.2f} | {n / tokenize:>11,.0f} |")
    print(f"| {'FTS5 insert':<24} | {insert:>8.2f} | {n / insert:>11,.0f} |")
    total = load + tokenize + insert
    print(f"| {'index rebuild, in all':<24} | {total:>8.2f} | {n / total:>11,.0f} |")
    print(f"\nmean token string: {mean_tokens:,.0f} characters, "
          f"{sum(row.count(' ') + 1 for row in rows) / n:,.0f} tokens")  # fmt: skip
    print(f"mean query (terms + FTS5 MATCH): {query_ms:.2f} ms; matches: "
          + ", ".join(f"{query} {count:,}" for query, count in hits.items()))  # fmt: skip


if __name__ == "__main__":
    main()
