"""RCTab's rule options for ``irv`` and ``stv``, read and checked.

The option names are RCTab's own (``config_file_documentation.txt``), so an RCTab ``rules``
block can be passed as the native ``options`` unchanged:

==================================  =====================================================
``winnerElectionMode``              ``singleWinnerMajority`` (irv),
                                    ``multiWinnerAllowMultipleWinnersPerRound`` (stv default),
                                    ``multiWinnerAllowOnlyOneWinnerPerRound``
``numberOfWinners``                 seats (the native ``seats`` wins if both are given)
``overvoteRule``                    ``exhaustImmediately`` (default), ``alwaysSkipToNextRank``,
                                    ``exhaustIfMultipleContinuing``
``maxSkippedRanksAllowed``          a number or ``unlimited`` (default)
``maxRankingsAllowed``              a number or ``max`` (default: the number of candidates);
                                    a ballot ranking more is an error
``exhaustOnDuplicateCandidate``     true: a repeated candidate exhausts the ballot;
                                    false (default): the repeat is skipped
``batchElimination``                eliminate together all candidates who cannot catch up
``nonIntegerWinningThreshold``      fractional Droop threshold (floor to the decimal places,
                                    plus one unit) instead of a whole one
``hareQuota``                       votes / seats, rounded up, instead of Droop
``decimalPlacesForVoteArithmetic``  places that surplus fractions are truncated to (default 4)
``continueUntilTwoCandidatesRemain`` keep eliminating after the winner is known
``doesFirstRoundDetermineThreshold`` single winner: keep the round-one threshold
``stopTabulationEarlyAfterRound``   stop after this round
``minimumVoteThreshold``            candidates below it are eliminated together
``tiebreakMode``                    ``useCandidateOrder`` (default), ``random``,
                                    ``previousRoundCountsThenRandom``, ``generatePermutation``
``randomSeed``                      the seed of the logged random draw
==================================  =====================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from consult.tally.model import TallyError

SINGLE = "singleWinnerMajority"
MULTI = "multiWinnerAllowMultipleWinnersPerRound"
ONE_PER_ROUND = "multiWinnerAllowOnlyOneWinnerPerRound"
MODES = (SINGLE, MULTI, ONE_PER_ROUND)
OVERVOTE_RULES = ("exhaustImmediately", "alwaysSkipToNextRank", "exhaustIfMultipleContinuing")
KNOWN = {
    "winnerElectionMode",
    "numberOfWinners",
    "overvoteRule",
    "maxSkippedRanksAllowed",
    "maxRankingsAllowed",
    "exhaustOnDuplicateCandidate",
    "batchElimination",
    "nonIntegerWinningThreshold",
    "hareQuota",
    "decimalPlacesForVoteArithmetic",
    "continueUntilTwoCandidatesRemain",
    "doesFirstRoundDetermineThreshold",
    "stopTabulationEarlyAfterRound",
    "minimumVoteThreshold",
    "tiebreakMode",
    "randomSeed",
    "undeclaredWriteInLabel",
    "multiSeatBottomsUpPercentageThreshold",
    "rulesDescription",
    "treatBlankAsUndeclaredWriteIn",
    "overvoteLabel",
    "undervoteLabel",
}


@dataclass(frozen=True)
class RcvRules:
    seats: int
    mode: str
    overvote: str
    max_skipped: int | None
    max_rankings: int
    exhaust_on_duplicate: bool
    batch: bool
    non_integer_threshold: bool
    hare: bool
    places: int
    continue_until_two: bool
    first_round_threshold: bool
    stop_after: int | None
    minimum: Decimal
    tiebreak: str
    seed: int | None

    @property
    def single(self) -> bool:
        return self.seats == 1


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _int(options, key, default, low=0, special=None):
    value = options.get(key)
    if _blank(value):
        return default
    if special and isinstance(value, str) and value.strip().lower() == special[0]:
        return special[1]
    try:
        number = int(str(value).strip())
    except ValueError:
        raise TallyError(f"option {key}: {value!r} is not a whole number") from None
    if number < low:
        raise TallyError(f"option {key}: must be at least {low}")
    return number


def _bool(options, key):
    value = options.get(key)
    if _blank(value):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise TallyError(f"option {key}: expected true or false, not {value!r}")


def read_rules(options: dict, seats: int, method: str, n_candidates: int) -> RcvRules:
    unknown = sorted(set(options) - KNOWN)
    if unknown:
        raise TallyError(f"unknown option {unknown[0]!r} for {method}")
    winners = _int(options, "numberOfWinners", seats, low=1)
    if winners != seats and seats != 1:
        raise TallyError(f"option numberOfWinners ({winners}) differs from seats ({seats})")
    seats = max(seats, winners)
    if method == "irv" and seats != 1:
        raise TallyError("irv elects one candidate; use stv for more seats")
    mode = options.get("winnerElectionMode")
    if _blank(mode):
        mode = SINGLE if seats == 1 else MULTI
    if mode not in MODES:
        raise TallyError(
            f"option winnerElectionMode: unsupported value {mode!r}; "
            f"expected one of {', '.join(MODES)}"
        )
    if seats == 1 and mode != SINGLE:
        raise TallyError(f"option winnerElectionMode {mode!r} needs more than one seat")
    if seats > 1 and mode == SINGLE:
        mode = MULTI
    overvote = options.get("overvoteRule")
    overvote = "exhaustImmediately" if _blank(overvote) else overvote
    if overvote not in OVERVOTE_RULES:
        raise TallyError(
            f"option overvoteRule: unsupported value {overvote!r}; "
            f"expected one of {', '.join(OVERVOTE_RULES)}"
        )
    places = _int(options, "decimalPlacesForVoteArithmetic", 4, low=1)
    if places > 20:
        raise TallyError("option decimalPlacesForVoteArithmetic: at most 20")
    minimum = options.get("minimumVoteThreshold")
    try:
        minimum = Decimal(0) if _blank(minimum) else Decimal(str(minimum).strip())
    except InvalidOperation:
        raise TallyError(f"option minimumVoteThreshold: {minimum!r} is not a number") from None
    batch = _bool(options, "batchElimination")
    if batch and seats > 1:
        raise TallyError("option batchElimination can't be true in a multi-seat contest")
    hare = _bool(options, "hareQuota")
    if hare and seats == 1:
        raise TallyError("option hareQuota can only be true in a multi-seat contest")
    seed = options.get("randomSeed")
    if _blank(seed):
        seed = None
    else:
        try:
            seed = int(str(seed).strip())
        except ValueError:
            raise TallyError(f"option randomSeed: {seed!r} is not a whole number") from None
    tiebreak = options.get("tiebreakMode")
    return RcvRules(
        seats=seats,
        mode=mode,
        overvote=overvote,
        max_skipped=_int(options, "maxSkippedRanksAllowed", None, special=("unlimited", None)),
        max_rankings=_int(
            options, "maxRankingsAllowed", n_candidates, low=1, special=("max", n_candidates)
        ),
        exhaust_on_duplicate=_bool(options, "exhaustOnDuplicateCandidate"),
        batch=batch,
        non_integer_threshold=_bool(options, "nonIntegerWinningThreshold"),
        hare=hare,
        places=places,
        continue_until_two=_bool(options, "continueUntilTwoCandidatesRemain") and seats == 1,
        first_round_threshold=_bool(options, "doesFirstRoundDetermineThreshold"),
        stop_after=_int(options, "stopTabulationEarlyAfterRound", None, low=1),
        minimum=minimum,
        tiebreak="useCandidateOrder" if _blank(tiebreak) else tiebreak,
        seed=seed,
    )
