"""Instant runoff (``irv``) and single transferable vote (``stv``), counted as RCTab counts.

The rules are RCTab's (see :mod:`consult.tally.rcv_rules` for the options). Each round:

1. every ballot whose current candidate is no longer continuing is read again from its first
   rank: skipped ranks beyond ``maxSkippedRanksAllowed``, a repeated candidate (if
   ``exhaustOnDuplicateCandidate``) and overvotes (by ``overvoteRule``) make it inactive, the
   first continuing candidate gets it, and a ballot with no continuing choice left is an
   exhausted ballot; once every seat is filled, what is left is the final-round surplus;
2. the threshold is set: each round from the active votes for one seat, from round one's active
   votes for several (Droop: floor(votes / (seats + 1)) + one unit, or Hare rounded up);
3. candidates at or above it are elected (the one with most votes only, in the
   one-winner-per-round mode); in multi-seat counts each winner's surplus moves on at
   ``surplus / votes`` per ballot, truncated to ``decimalPlacesForVoteArithmetic``, and what
   truncation loses is the residual surplus;
4. otherwise undeclared write-ins go first, then candidates below ``minimumVoteThreshold``,
   then (``batchElimination``) everyone who could not catch up even with all their votes
   combined, else the candidate with the fewest votes, ties broken by ``tiebreakMode``.

Identical ballots are grouped, so a group's ``count * value`` stands for ``count`` ballots of
equal value: the sums are the same, digit for digit, as RCTab's ballot-by-ballot sums.
"""

from __future__ import annotations

from decimal import localcontext

from consult.tally.inputs import UWI
from consult.tally.model import Election, Result, Round, TallyError
from consult.tally.numbers import CONTEXT, ZERO, divide, multiply, unit
from consult.tally.rcv_ballots import (
    EXHAUSTED,
    FINAL_SURPLUS,
    INACTIVE,
    UNDERVOTE,
    Sums,
    build_groups,
    scan,
)
from consult.tally.rcv_rules import ONE_PER_ROUND, RcvRules, read_rules
from consult.tally.rcv_steps import eliminate, identify_winners
from consult.tally.ties import TieBreaker


def count_rcv(election: Election) -> Result:
    with localcontext(CONTEXT):
        return _Count(election).run()


class _Count:
    def __init__(self, election: Election):
        self.names = names = election.candidates
        self.uwi = names.index(UWI) if UWI in names else None
        declared = len(names) - (self.uwi is not None)
        self.rules: RcvRules = read_rules(
            election.options, election.seats, election.method, declared
        )
        self.method = election.method
        self.total = election.total_ballots
        self.ties = TieBreaker(self.rules.tiebreak, [n for n in names], self.rules.seed)
        self.groups = build_groups(election, names, self.rules)
        n = len(names)
        self.live = [True] * n
        self.won: dict[int, int] = {}
        self.out: dict[int, int] = {}
        self.votes = Sums(range(n))
        self.holders: dict[int, list] = {c: [] for c in range(n)}
        self.inactive = Sums(INACTIVE)
        self.winner_tally: dict[int, object] = {}
        self.retained: dict[int, object] = {}
        self.residual = ZERO
        self.rounds: list[Round] = []
        self.history: list[tuple[int, dict]] = []
        self.threshold = None

    def _move(self, groups, transfers):
        names, votes, holders, inactive = self.names, self.votes, self.holders, self.inactive
        rules, live = self.rules, self.live
        final = not rules.single and len(self.won) == rules.seats
        moved: dict = {}
        for group in groups:
            order = group.order
            if order is None:
                dest = scan(group.ranks, rules, live, final)
            elif final and order:
                dest = FINAL_SURPLUS
            else:
                for dest in order:
                    if live[dest]:
                        break
                else:
                    dest = EXHAUSTED if order else UNDERVOTE
            amount = group.amount
            pair = (group.recipient, dest)
            if type(dest) is int:
                holders[dest].append(group)
                group.recipient = dest
            else:
                group.recipient = None
            sums = moved.get(pair)
            if sums is None:
                moved[pair] = sums = [0, []]
            if type(amount) is int:
                sums[0] += amount
            else:
                sums[1].append(amount)
        for (source, dest), (whole, parts) in moved.items():
            total = sum(parts, ZERO) + whole if parts else whole
            if type(dest) is int:
                votes.add(dest, whole)
                if parts:
                    votes.add(dest, sum(parts, ZERO))
                key = names[dest]
            else:
                inactive.add(dest, whole)
                if parts:
                    inactive.add(dest, sum(parts, ZERO))
                key = dest
            if source is not None and total > 0:
                row = transfers.setdefault(names[source], {})
                row[key] = row.get(key, 0) + total

    # -- the count ---------------------------------------------------------------------------
    def run(self) -> Result:
        rules = self.rules
        pending = list(self.groups)
        number = 0
        while True:
            number += 1
            transfers: dict = {}
            self._move(pending, transfers)
            if self.rounds:
                self.rounds[-1].transfers = transfers
            continuing = [c for c in range(len(self.names)) if self.live[c]]
            tally = {c: self.votes.get(c) for c in continuing}
            notes = []
            if number == 1 or (rules.single and not rules.first_round_threshold):
                self.threshold = self._threshold(sum(tally.values()), notes)
            rnd = Round(
                number,
                {self.names[c]: v for c, v in tally.items()},
                self.threshold,
                inactive=self.inactive.snapshot(),
                notes=notes,
            )
            self.rounds.append(rnd)
            winners = identify_winners(self, tally, continuing, rnd)
            pending = []
            if winners:
                held = {}
                for w in winners:
                    self.won[w] = number
                    if not rules.continue_until_two:
                        self.live[w] = False
                        held[w] = self.holders.pop(w)
                        pending.extend(held[w])
                        self.votes.pop(w)
                if not rules.single:
                    self._surplus(winners, rnd, held)
            elif len(self.won) < rules.seats or (
                rules.continue_until_two and len(self.out) < len(self.names) - 2
            ):
                for loser in eliminate(self, tally, continuing, rnd):
                    self.out[loser] = number
                    self.live[loser] = False
                    pending.extend(self.holders.pop(loser))
                    self.votes.pop(loser)
            if not rules.single:
                self._winner_tallies(number, rnd)
            self.history.insert(0, (number, dict(rnd.tally)))
            if not self._go_on(number):
                break
            if len(self.won) < rules.seats and not any(self.live):
                raise TallyError("no continuing candidates are left before all seats are filled")
        winners = sorted(self.won, key=lambda c: (self.won[c], self._elected_order(c)))
        return Result(
            self.method,
            [self.names[w] for w in winners],
            self.rounds,
            list(self.names),
            rules.seats,
            self.total,
            extra={"rules": _rules_summary(rules)},
        )

    def _elected_order(self, c):
        for i, d in enumerate(self.rounds[self.won[c] - 1].decisions):
            if d.kind == "elected" and d.candidate == self.names[c]:
                return i
        return 0

    def _go_on(self, number):
        rules = self.rules
        if rules.stop_after is not None and number >= rules.stop_after:
            return False
        if rules.continue_until_two:
            return (
                len(self.out) + len(self.won) + 1 < len(self.names) or number in self.out.values()
            )
        return len(self.won) < rules.seats or (not rules.single and number in self.won.values())

    def _threshold(self, active, notes):
        rules = self.rules
        divisor = rules.seats if rules.hare else rules.seats + 1
        places = rules.places if rules.non_integer_threshold else 0
        if rules.hare:
            value = divide(active, divisor, places, up=True)
        else:
            value = divide(active, divisor, places) + unit(places)
        kind = "hare" if rules.hare else ("majority" if rules.single else "droop")
        notes.append(
            (
                f"threshold_{kind}",
                {"active": active, "divisor": divisor, "threshold": value, "seats": rules.seats},
            )
        )
        if rules.minimum > 0 and rules.minimum > value:
            notes.append(("threshold_minimum", {"minimum": rules.minimum}))
            value = rules.minimum
        return value

    def _by_votes(self, tally):
        levels: dict = {}
        for c, v in tally.items():
            levels.setdefault(v, []).append(c)
        return sorted(levels.items())

    def _surplus(self, winners, rnd, held):
        places = self.rules.places
        for w in winners:
            votes = rnd.tally[self.names[w]]
            extra = votes - self.threshold
            fraction = divide(extra, votes, places) if extra > 0 else ZERO
            retained = ZERO
            memo: dict = {}
            for group in held[w]:
                value = group.value
                step = memo.get(str(value))  # by string: 0.3 and 0.3000 differ in scale
                if step is None:
                    allocated = value - multiply(value, fraction, places)
                    step = memo[str(value)] = (allocated, value - allocated)
                allocated, group.value = step
                retained += group.count * allocated
                group.amount = group.count * group.value
            self.retained[w] = retained
            rnd.notes.append(
                (
                    "surplus",
                    {
                        "candidate": self.names[w],
                        "votes": votes,
                        "surplus": max(extra, ZERO),
                        "fraction": fraction,
                    },
                )
            )

    def _winner_tallies(self, number, rnd):
        for w, won_in in self.won.items():
            if won_in == number:
                continue
            if won_in == number - 1:
                value = self.retained.pop(w)
                extra = value - self.threshold
                if extra > 0:
                    self.residual += extra
                    value = self.threshold
                    row = self.rounds[-2].transfers.setdefault(self.names[w], {})
                    row["residualSurplus"] = extra
                self.winner_tally[w] = value
            rnd.tally[self.names[w]] = self.winner_tally[w]
        rnd.residual_surplus = self.residual


def _rules_summary(rules: RcvRules) -> dict:
    return {
        "winnerElectionMode": rules.mode,
        "overvoteRule": rules.overvote,
        "maxSkippedRanksAllowed": "unlimited"
        if rules.max_skipped is None
        else str(rules.max_skipped),
        "maxRankingsAllowed": str(rules.max_rankings),
        "exhaustOnDuplicateCandidate": rules.exhaust_on_duplicate,
        "batchElimination": rules.batch,
        "nonIntegerWinningThreshold": rules.non_integer_threshold,
        "hareQuota": rules.hare,
        "decimalPlacesForVoteArithmetic": str(rules.places),
        "tiebreakMode": rules.tiebreak,
        "randomSeed": None if rules.seed is None else str(rules.seed),
        "oneWinnerPerRound": rules.mode == ONE_PER_ROUND,
    }
