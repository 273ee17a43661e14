"""The engine's own words: sentence templates in English, Simplified and Traditional Chinese.

Terms follow shared/GLOSSARY.md (轮次/輪次, 当选/當選, 淘汰, 失效选票（无后续选择）,
票数相同/票數相同, 另行选举/另行選舉, 无效票/無效票, 法定人数/法定人數, 投票率, 弃权/棄權,
另选他人/另選他人). Keys are ``<decision>.<reason>`` for decisions and plain names for notes.
"""

LANGUAGES = ("en", "zh_Hans", "zh_Hant")

EN = {
    "tally": "Votes: {list}.",
    "tally.borda": "Points: {list}.",
    "tally.score": "Total scores: {list}.",
    "tally.schulze": "Candidates each one beats by strongest paths: {list}.",
    "inactive": "{total} ballot(s) count for no candidate: {list}.",
    "threshold_majority": "To win, a candidate needs {threshold} votes: more than half of the "
    "{active} active votes.",
    "threshold_droop": "The threshold is {threshold} votes: the {active} active votes of round 1 "
    "divided by {divisor} (seats + 1), cut to the counting precision, plus the smallest unit.",
    "threshold_hare": "The threshold is {threshold} votes: the {active} active votes of round 1 "
    "divided by the {seats} seats, rounded up.",
    "threshold_minimum": "No candidate may win with fewer than {minimum} votes.",
    "surplus": "{candidate} has {surplus} votes above the threshold; each of their ballots "
    "passes on {fraction} of its value to the next choice.",
    "transfer": "The ballots of {candidate} moved on: {list}.",
    "residual": "Residual surplus (lost to truncation) so far: {residual}.",
    "turnout": "Turnout: {ballots} of {eligible} ({percent}%).",
    "over_issued": "Warning: {ballots} ballots were cast but only {issued} were issued; this "
    "count is flagged.",
    "borda_rule": "Borda count with {n} candidates: a first choice gets {top} points, each lower "
    "place one point less, down to 0; candidates ranked equal share the points of their places, "
    "and candidates a ballot leaves unranked share the remaining points equally.",
    "score_rule": "Each ballot gives each candidate a score from 0 to {max}; a candidate left "
    "out scores 0. The highest total wins.",
    "schulze_rule": "Schulze ranking (winning votes, strongest paths): {ranking}.",
    "block_rule": "A ballot may vote for up to {seats} candidates; a ballot voting for more is "
    "an invalid ballot.",
    "write_ins": "Write-in votes (for another eligible person) went to: {list}.",
    "no_decision": "No candidate is elected or eliminated in this round.",
    "elected.threshold": "{candidate} is elected with {votes} votes, reaching the threshold of "
    "{threshold}.",
    "elected.remaining": "{candidate} is elected: only as many candidates remain as there are "
    "seats to fill.",
    "elected.most_votes": "{candidate} is elected with the most votes ({votes}); place {place}.",
    "elected.one_per_round": "{candidate} is elected with the most votes ({votes}); only one "
    "candidate is elected in each round.",
    "elected.last_two": "{candidate} is elected: two candidates remain, neither reached the "
    "threshold, and {candidate} has the most votes ({votes}).",
    "elected.most_points": "{candidate} is elected with {votes} points; place {place}.",
    "elected.highest_score": "{candidate} is elected with a total score of {votes}; place {place}.",
    "elected.schulze_rank": "{candidate} is elected: place {place} in the Schulze ranking, "
    "ahead of {votes} candidate(s) by strongest paths.",
    "elected.majority": "{candidate} is elected with {votes} votes, more than half of the "
    "{ballots} ballots cast (at least {needed}).",
    "elected.second_round_most": "{candidate} is elected in the second round with {votes} votes: "
    "the most, and at least one third of the {ballots} ballots cast ({floor}).",
    "eliminated.fewest": "{candidate} is eliminated with the fewest votes ({votes}).",
    "eliminated.batch": "{candidate} ({votes} votes) is eliminated together with others: all of "
    "them combined have {combined} votes, fewer than the next candidate's {next}, so none of "
    "them can catch up.",
    "eliminated.write_ins": "Undeclared write-ins ({votes} votes) are eliminated first.",
    "eliminated.below_minimum": "{candidate} is eliminated with {votes} votes, below the minimum "
    "of {minimum}.",
    "tied.tie_open": "{candidate} is tied with {tied} at {votes} votes for the last {seats_left} "
    "seat(s); the tie is not broken here.",
    "tied.tie_new_vote": "{candidate} is tied with {tied} at {votes} votes for the last "
    "{seats_left} seat(s); the tied candidates go to a new vote.",
    "second_round.next_in_votes": "{candidate} ({votes} votes) is a candidate in the second "
    "round for the {seats_left} unfilled seat(s).",
    "not_elected.below_one_third": "{candidate} has {votes} votes, fewer than one third of the "
    "{ballots} ballots cast ({floor}), and is not elected.",
    "passed.majority": "The proposal passes: {yes} yes, {no} no, {abstain} abstain; it needed "
    "{needed} yes votes ({basis}).",
    "rejected.no_majority": "The proposal is rejected: {yes} yes, {no} no, {abstain} abstain; it "
    "needed {needed} yes votes ({basis}).",
    "not_valid.quorum": "The vote is not valid: {ballots} ballots were cast, fewer than the "
    "quorum of {quorum}.",
    "not_valid.turnout": "The election is not valid: {ballots} of {eligible} registered voters "
    "voted, not more than half.",
    "tie.candidate_order": "There was a tie between {tied} at {votes} votes, broken by the "
    "order of candidates: {selected} is listed {position}.",
    "tie.previous_round": "There was a tie between {tied} at {votes} votes, broken by earlier "
    "counts: in round {previous_round} {selected} had {previous_votes} votes.",
    "tie.random": "There was a tie between {tied} at {votes} votes, broken by a random draw "
    "(seed {seed}, draw {draw}) that picked {selected}.",
    "position.earliest": "first",
    "position.latest": "last",
    "basis.cast": "more than half of the yes and no votes",
    "basis.ballots": "more than half of all ballots cast",
    "basis.eligible": "more than half of the eligible voters",
    "sep": ", ",
    "space": " ",
}

EN.update(
    {
        "reason.overvotes": "overvote (more than one candidate at one rank)",
        "reason.skippedRankings": "too many skipped ranks",
        "reason.exhaustedChoices": "exhausted ballot (no further choices)",
        "reason.repeatedRankings": "a candidate ranked twice",
        "reason.undervote": "no candidate ranked",
        "reason.finalRoundSurplus": "final-round surplus",
        "reason.residualSurplus": "residual surplus",
        "reason.invalid": "invalid ballot",
        "reason.abstain": "abstain",
        "label.round": "Round {round}",
        "label.threshold": "threshold",
        "label.candidate": "candidate",
        "label.votes": "votes",
        "label.inactive": "not counted",
        "label.decisions": "decisions",
        "label.winners": "Winners",
        "label.none": "none",
        "label.method": "Method",
        "label.elected": "elected",
        "label.eliminated": "eliminated",
        "label.tied": "tied",
        "label.passed": "passed",
        "label.rejected": "rejected",
        "label.not_valid": "not valid",
        "label.second_round": "to the second round",
        "label.not_elected": "not elected",
        "option.yes": "yes",
        "option.no": "no",
        "option.abstain": "abstain",
    }
)

ZH_HANS = {
    "tally": "得票：{list}。",
    "tally.borda": "得分：{list}。",
    "tally.score": "总分：{list}。",
    "tally.schulze": "按最强路径胜过的候选人数：{list}。",
    "inactive": "{total} 张选票不计入任何候选人：{list}。",
    "threshold_majority": "当选需要 {threshold} 票：超过 {active} 张有效计票选票的半数。",
    "threshold_droop": "当选门槛为 {threshold} 票：第 1 轮的 {active} 张有效计票选票除以 {divisor}"
    "（席位数加一），按计票精度截位，再加最小单位。",
    "threshold_hare": "当选门槛为 {threshold} 票：第 1 轮的 {active} 张有效计票选票除以 {seats} 个席位，"
    "向上取整。",
    "threshold_minimum": "得票少于 {minimum} 票的候选人不能当选。",
    "surplus": "{candidate} 超出门槛 {surplus} 票；其每张选票按 {fraction} 的比例转给下一选择。",
    "transfer": "{candidate} 的选票转移如下：{list}。",
    "residual": "截位造成的剩余盈余累计：{residual}。",
    "turnout": "投票率：{eligible} 人中 {ballots} 人投票（{percent}%）。",
    "over_issued": "警告：投出 {ballots} 张选票，但只发出 {issued} 张；本次计票已被标记。",
    "borda_rule": "波达计数（共 {n} 名候选人）：第一选择得 {top} 分，每低一位少 1 分，最低 0 分；"
    "并列的候选人平分所占位次的分数，选票未排列的候选人平分剩余的分数。",
    "score_rule": "每张选票给每名候选人打 0 至 {max} 分；未打分的记 0 分。总分最高者当选。",
    "schulze_rule": "舒尔茨排序（胜票数、最强路径）：{ranking}。",
    "block_rule": "每张选票最多可选 {seats} 名候选人；多选的为无效票。",
    "write_ins": "另选他人的得票：{list}。",
    "no_decision": "本轮次没有候选人当选或被淘汰。",
    "elected.threshold": "{candidate} 以 {votes} 票当选，达到 {threshold} 票的当选门槛。",
    "elected.remaining": "{candidate} 当选：剩余候选人数与待选席位数相同。",
    "elected.most_votes": "{candidate} 以最多票数（{votes} 票）当选，名列第 {place}。",
    "elected.one_per_round": "{candidate} 以最多票数（{votes} 票）当选；每一轮次只能当选一人。",
    "elected.last_two": "{candidate} 当选：只剩两名候选人且均未达到门槛，{candidate} 得票最多（{votes} 票）。",
    "elected.most_points": "{candidate} 以 {votes} 分当选，名列第 {place}。",
    "elected.highest_score": "{candidate} 以总分 {votes} 当选，名列第 {place}。",
    "elected.schulze_rank": "{candidate} 当选：在舒尔茨排序中名列第 {place}，按最强路径胜过 {votes} 名候选人。",
    "elected.majority": "{candidate} 以 {votes} 票当选，超过所投 {ballots} 张选票的半数（至少 {needed} 票）。",
    "elected.second_round_most": "{candidate} 在另行选举中以 {votes} 票当选：得票最多，且不少于所投 "
    "{ballots} 张选票的三分之一（{floor} 票）。",
    "eliminated.fewest": "{candidate} 得票最少（{votes} 票），被淘汰。",
    "eliminated.batch": "{candidate}（{votes} 票）与其他候选人一并被淘汰：他们的票数合计 {combined} 票，"
    "少于下一名候选人的 {next} 票，无人能够追上。",
    "eliminated.write_ins": "未登记的另选他人票（{votes} 票）首先被淘汰。",
    "eliminated.below_minimum": "{candidate} 只得 {votes} 票，低于最低票数 {minimum}，被淘汰。",
    "tied.tie_open": "{candidate} 与 {tied} 票数相同（{votes} 票），争夺最后 {seats_left} 个席位；此处不作抽签。",
    "tied.tie_new_vote": "{candidate} 与 {tied} 票数相同（{votes} 票），争夺最后 {seats_left} 个席位；"
    "票数相同的候选人须重新投票。",
    "second_round.next_in_votes": "{candidate}（{votes} 票）成为另行选举的候选人，竞选 {seats_left} 个未满席位。",
    "not_elected.below_one_third": "{candidate} 得 {votes} 票，少于所投 {ballots} 张选票的三分之一"
    "（{floor} 票），不能当选。",
    "passed.majority": "提案通过：赞成 {yes}，反对 {no}，弃权 {abstain}；需要 {needed} 张赞成票（{basis}）。",
    "rejected.no_majority": "提案未通过：赞成 {yes}，反对 {no}，弃权 {abstain}；需要 {needed} 张赞成票（{basis}）。",
    "not_valid.quorum": "投票无效：只投出 {ballots} 张选票，未达到 {quorum} 的法定人数。",
    "not_valid.turnout": "选举无效：{eligible} 名登记选民中只有 {ballots} 人投票，未过半数。",
    "tie.candidate_order": "{tied} 票数相同（{votes} 票），按候选人顺序决定：{selected} 排在{position}。",
    "tie.previous_round": "{tied} 票数相同（{votes} 票），按之前轮次的票数决定：第 {previous_round} 轮次中 "
    "{selected} 得 {previous_votes} 票。",
    "tie.random": "{tied} 票数相同（{votes} 票），以随机抽签决定（种子 {seed}，抽得 {draw}），结果为 {selected}。",
    "position.earliest": "最前",
    "position.latest": "最后",
    "basis.cast": "超过赞成票与反对票之和的半数",
    "basis.ballots": "超过所投全部选票的半数",
    "basis.eligible": "超过有投票资格人数的半数",
    "sep": "、",
    "space": "",
    "reason.overvotes": "超额标记（同一顺位标记多人）",
    "reason.skippedRankings": "跳过的顺位过多",
    "reason.exhaustedChoices": "失效选票（无后续选择）",
    "reason.repeatedRankings": "重复排列同一候选人",
    "reason.undervote": "未排列任何候选人",
    "reason.finalRoundSurplus": "最后轮次的盈余票",
    "reason.residualSurplus": "剩余盈余",
    "reason.invalid": "无效票",
    "reason.abstain": "弃权",
    "label.round": "第 {round} 轮次",
    "label.threshold": "当选门槛",
    "label.candidate": "候选人",
    "label.votes": "票数",
    "label.inactive": "不计入",
    "label.decisions": "结果",
    "label.winners": "当选",
    "label.none": "无",
    "label.method": "计票方法",
    "label.elected": "当选",
    "label.eliminated": "淘汰",
    "label.tied": "票数相同",
    "label.passed": "通过",
    "label.rejected": "未通过",
    "label.not_valid": "无效",
    "label.second_round": "进入另行选举",
    "label.not_elected": "未当选",
    "option.yes": "赞成",
    "option.no": "反对",
    "option.abstain": "弃权",
}

ZH_HANT = {
    "tally": "得票：{list}。",
    "tally.borda": "得分：{list}。",
    "tally.score": "總分：{list}。",
    "tally.schulze": "按最強路徑勝過的候選人數：{list}。",
    "inactive": "{total} 張選票不計入任何候選人：{list}。",
    "threshold_majority": "當選需要 {threshold} 票：超過 {active} 張有效計票選票的半數。",
    "threshold_droop": "當選門檻為 {threshold} 票：第 1 輪的 {active} 張有效計票選票除以 {divisor}"
    "（席位數加一），按計票精度截位，再加最小單位。",
    "threshold_hare": "當選門檻為 {threshold} 票：第 1 輪的 {active} 張有效計票選票除以 {seats} 個席位，"
    "向上取整。",
    "threshold_minimum": "得票少於 {minimum} 票的候選人不能當選。",
    "surplus": "{candidate} 超出門檻 {surplus} 票；其每張選票按 {fraction} 的比例轉給下一選擇。",
    "transfer": "{candidate} 的選票轉移如下：{list}。",
    "residual": "截位造成的剩餘盈餘累計：{residual}。",
    "turnout": "投票率：{eligible} 人中 {ballots} 人投票（{percent}%）。",
    "over_issued": "警告：投出 {ballots} 張選票，但只發出 {issued} 張；本次計票已被標記。",
    "borda_rule": "波達計數（共 {n} 名候選人）：第一選擇得 {top} 分，每低一位少 1 分，最低 0 分；"
    "並列的候選人平分所佔位次的分數，選票未排列的候選人平分剩餘的分數。",
    "score_rule": "每張選票給每名候選人打 0 至 {max} 分；未打分的記 0 分。總分最高者當選。",
    "schulze_rule": "舒爾茨排序（勝票數、最強路徑）：{ranking}。",
    "block_rule": "每張選票最多可選 {seats} 名候選人；多選的為無效票。",
    "write_ins": "另選他人的得票：{list}。",
    "no_decision": "本輪次沒有候選人當選或被淘汰。",
    "elected.threshold": "{candidate} 以 {votes} 票當選，達到 {threshold} 票的當選門檻。",
    "elected.remaining": "{candidate} 當選：剩餘候選人數與待選席位數相同。",
    "elected.most_votes": "{candidate} 以最多票數（{votes} 票）當選，名列第 {place}。",
    "elected.one_per_round": "{candidate} 以最多票數（{votes} 票）當選；每一輪次只能當選一人。",
    "elected.last_two": "{candidate} 當選：只剩兩名候選人且均未達到門檻，{candidate} 得票最多（{votes} 票）。",
    "elected.most_points": "{candidate} 以 {votes} 分當選，名列第 {place}。",
    "elected.highest_score": "{candidate} 以總分 {votes} 當選，名列第 {place}。",
    "elected.schulze_rank": "{candidate} 當選：在舒爾茨排序中名列第 {place}，按最強路徑勝過 {votes} 名候選人。",
    "elected.majority": "{candidate} 以 {votes} 票當選，超過所投 {ballots} 張選票的半數（至少 {needed} 票）。",
    "elected.second_round_most": "{candidate} 在另行選舉中以 {votes} 票當選：得票最多，且不少於所投 "
    "{ballots} 張選票的三分之一（{floor} 票）。",
    "eliminated.fewest": "{candidate} 得票最少（{votes} 票），被淘汰。",
    "eliminated.batch": "{candidate}（{votes} 票）與其他候選人一併被淘汰：他們的票數合計 {combined} 票，"
    "少於下一名候選人的 {next} 票，無人能夠追上。",
    "eliminated.write_ins": "未登記的另選他人票（{votes} 票）首先被淘汰。",
    "eliminated.below_minimum": "{candidate} 只得 {votes} 票，低於最低票數 {minimum}，被淘汰。",
    "tied.tie_open": "{candidate} 與 {tied} 票數相同（{votes} 票），爭奪最後 {seats_left} 個席位；此處不作抽籤。",
    "tied.tie_new_vote": "{candidate} 與 {tied} 票數相同（{votes} 票），爭奪最後 {seats_left} 個席位；"
    "票數相同的候選人須重新投票。",
    "second_round.next_in_votes": "{candidate}（{votes} 票）成為另行選舉的候選人，競選 {seats_left} 個未滿席位。",
    "not_elected.below_one_third": "{candidate} 得 {votes} 票，少於所投 {ballots} 張選票的三分之一"
    "（{floor} 票），不能當選。",
    "passed.majority": "提案通過：贊成 {yes}，反對 {no}，棄權 {abstain}；需要 {needed} 張贊成票（{basis}）。",
    "rejected.no_majority": "提案未通過：贊成 {yes}，反對 {no}，棄權 {abstain}；需要 {needed} 張贊成票（{basis}）。",
    "not_valid.quorum": "投票無效：只投出 {ballots} 張選票，未達到 {quorum} 的法定人數。",
    "not_valid.turnout": "選舉無效：{eligible} 名登記選民中只有 {ballots} 人投票，未過半數。",
    "tie.candidate_order": "{tied} 票數相同（{votes} 票），按候選人順序決定：{selected} 排在{position}。",
    "tie.previous_round": "{tied} 票數相同（{votes} 票），按之前輪次的票數決定：第 {previous_round} 輪次中 "
    "{selected} 得 {previous_votes} 票。",
    "tie.random": "{tied} 票數相同（{votes} 票），以隨機抽籤決定（種子 {seed}，抽得 {draw}），結果為 {selected}。",
    "position.earliest": "最前",
    "position.latest": "最後",
    "basis.cast": "超過贊成票與反對票之和的半數",
    "basis.ballots": "超過所投全部選票的半數",
    "basis.eligible": "超過有投票資格人數的半數",
    "sep": "、",
    "space": "",
    "reason.overvotes": "超額標記（同一順位標記多人）",
    "reason.skippedRankings": "跳過的順位過多",
    "reason.exhaustedChoices": "失效選票（無後續選擇）",
    "reason.repeatedRankings": "重複排列同一候選人",
    "reason.undervote": "未排列任何候選人",
    "reason.finalRoundSurplus": "最後輪次的盈餘票",
    "reason.residualSurplus": "剩餘盈餘",
    "reason.invalid": "無效票",
    "reason.abstain": "棄權",
    "label.round": "第 {round} 輪次",
    "label.threshold": "當選門檻",
    "label.candidate": "候選人",
    "label.votes": "票數",
    "label.inactive": "不計入",
    "label.decisions": "結果",
    "label.winners": "當選",
    "label.none": "無",
    "label.method": "計票方法",
    "label.elected": "當選",
    "label.eliminated": "淘汰",
    "label.tied": "票數相同",
    "label.passed": "通過",
    "label.rejected": "未通過",
    "label.not_valid": "無效",
    "label.second_round": "進入另行選舉",
    "label.not_elected": "未當選",
    "option.yes": "贊成",
    "option.no": "反對",
    "option.abstain": "棄權",
}

# committee_majority: paper counts per polling station, void rounds, vacant seats
EN.update(
    {
        "stations": "The counts of {count} polling stations are added together: {list}.",
        "station_over_signed": "Warning: at polling station {station}, {ballots} ballots were "
        "cast but only {signed} voters signed for a ballot; this station's count is flagged.",
        "station_over_issued": "Warning: at polling station {station}, {ballots} ballots were "
        "cast but only {issued} were issued; this station's count is flagged.",
        "not_valid.over_signed": "This vote is void: {ballots} ballots were cast but only "
        "{signed} voters signed for a ballot, and more ballots than voters void a vote. No one "
        "is elected by it.",
        "vacant_allowed": "{seats_unfilled} seat(s) remain unfilled after the second round. With "
        "{elected} members elected in this contest (at least 3), those seats may stay vacant.",
        "vacant_if_three": "{seats_unfilled} seat(s) remain unfilled after the second round. They "
        "may stay vacant only if the committee has at least 3 members elected across all its "
        "contests ({elected} in this contest).",
    }
)

ZH_HANS.update(
    {
        "stations": "合并了 {count} 个投票站的计票结果：{list}。",
        "station_over_signed": "警告：投票站 {station} 投出 {ballots} 张选票，但只有 {signed} 名选民"
        "签名领票；该投票站的计票已被标记。",
        "station_over_issued": "警告：投票站 {station} 投出 {ballots} 张选票，但只发出 {issued} 张；"
        "该投票站的计票已被标记。",
        "not_valid.over_signed": "本次投票无效：投出 {ballots} 张选票，但只有 {signed} 名选民签名领票；"
        "所投票数多于投票人数的，投票无效，无人因此当选。",
        "vacant_allowed": "另行选举后仍有 {seats_unfilled} 个席位未选足。本选举职位已选出 {elected} "
        "名成员（不少于 3 名），不足的席位可以空缺。",
        "vacant_if_three": "另行选举后仍有 {seats_unfilled} 个席位未选足。只有居民委员会各选举职位合计"
        "已选出至少 3 名成员时，不足的席位才可以空缺（本选举职位已选出 {elected} 名）。",
    }
)

ZH_HANT.update(
    {
        "stations": "合併了 {count} 個投票站的計票結果：{list}。",
        "station_over_signed": "警告：投票站 {station} 投出 {ballots} 張選票，但只有 {signed} 名選民"
        "簽名領票；該投票站的計票已被標記。",
        "station_over_issued": "警告：投票站 {station} 投出 {ballots} 張選票，但只發出 {issued} 張；"
        "該投票站的計票已被標記。",
        "not_valid.over_signed": "本次投票無效：投出 {ballots} 張選票，但只有 {signed} 名選民簽名領票；"
        "所投票數多於投票人數的，投票無效，無人因此當選。",
        "vacant_allowed": "另行選舉後仍有 {seats_unfilled} 個席位未選足。本選舉職位已選出 {elected} "
        "名成員（不少於 3 名），不足的席位可以空缺。",
        "vacant_if_three": "另行選舉後仍有 {seats_unfilled} 個席位未選足。只有居民委員會各選舉職位合計"
        "已選出至少 3 名成員時，不足的席位才可以空缺（本選舉職位已選出 {elected} 名）。",
    }
)

MESSAGES = {"en": EN, "zh_Hans": ZH_HANS, "zh_Hant": ZH_HANT}
