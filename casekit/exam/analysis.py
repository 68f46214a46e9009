"""Cohort item analysis: difficulty, discrimination, how often each option was chosen.

Difficulty is the share of learners answering the item correctly (classical p). Discrimination is
the upper-group p minus the lower-group p, the groups being the top and bottom 27% of learners by
total score (at least one learner each). An item is flagged when even the upper group mostly
misses it, when it discriminates the wrong way, or when a distractor draws more of the upper group
than the key does.
"""

from __future__ import annotations

import math

import pandas as pd

from casekit.exam.bank import LETTERS, Bank, load_bank
from casekit.exam.scoring import check_letter

GROUP_SHARE = 0.27
STRONG_MISS = 0.5
"""An item the upper group answers right less often than this is flagged."""


def item_analysis(responses: pd.DataFrame, bank: Bank | None = None) -> pd.DataFrame:
    """One row per item in ``responses`` (learner, item, chosen): p, discrimination, option counts, flags."""
    bank = bank if bank is not None else load_bank()
    if responses.empty:
        return pd.DataFrame(columns=["item", "domain", "key", "learners", "p", "upper_p", "lower_p", "discrimination",
                                     *LETTERS, "blank", "flag"])
    df = responses.copy()
    df["chosen"] = [check_letter(c, i) if isinstance(c, str) else None for c, i in zip(df["chosen"], df["item"])]
    keys = {i: bank.item(i).key for i in df["item"].unique()}
    df["correct"] = [c == keys[i] for c, i in zip(df["chosen"], df["item"])]
    totals = df.groupby("learner")["correct"].mean().sort_values(kind="stable")
    n = max(1, math.floor(len(totals) * GROUP_SHARE + 0.5))
    lower, upper = set(totals.index[:n]), set(totals.index[-n:])
    rows = []
    for item_id, g in df.groupby("item", sort=False):
        item = bank.item(item_id)
        up, low = g[g["learner"].isin(upper)], g[g["learner"].isin(lower)]
        upper_p, lower_p = float(up["correct"].mean()), float(low["correct"].mean())
        counts: dict[str, int] = {L: int((g["chosen"] == L).sum()) for L in LETTERS}
        up_counts: dict[str, int] = {L: int((up["chosen"] == L).sum()) for L in LETTERS}
        flags = []
        if upper_p < STRONG_MISS:
            flags.append("strong learners miss it")
        if upper_p - lower_p < 0:
            flags.append("discriminates the wrong way")
        lure = [L for L in LETTERS if L != item.key and up_counts[L] > up_counts[item.key]]
        if lure:
            flags.append(f"distractor {', '.join(lure)} draws the upper group more than the key")
        rows.append({"item": item_id, "domain": item.domain, "key": item.key, "learners": len(g),
                     "p": round(float(g["correct"].mean()), 3), "upper_p": round(upper_p, 3),
                     "lower_p": round(lower_p, 3), "discrimination": round(upper_p - lower_p, 3),
                     **counts, "blank": int(g["chosen"].isna().sum()), "flag": "; ".join(flags)})
    return pd.DataFrame(rows)


def flagged(analysis: pd.DataFrame) -> pd.DataFrame:
    return analysis[analysis["flag"] != ""]


def demo_responses(bank: Bank, *, learners: int = 16, items: int = 20, seed: int = 7) -> pd.DataFrame:
    """A fictional cohort's answers to ``items`` bank items: stronger learners and easier items more often right."""
    import random

    rng = random.Random(seed)
    chosen_items = sorted(rng.sample(bank.items, min(items, len(bank.items))), key=lambda i: i.id)
    shift = {"easy": -1.0, "medium": 0.0, "hard": 1.0}
    rows = []
    for n in range(learners):
        ability = rng.gauss(0.5, 1.0)
        for it in chosen_items:
            right = rng.random() < 1 / (1 + math.exp(-(ability - shift[it.difficulty])))
            letter = it.key if right else rng.choice([L for L in LETTERS if L != it.key])
            rows.append({"learner": f"demo-{n + 1:02d}", "item": it.id, "chosen": letter})
    return pd.DataFrame(rows, columns=["learner", "item", "chosen"])


def cohort_item_analysis(*, demo: bool = True, course=None, quiz: str | None = None, bank: Bank | None = None):
    """The item analysis the cohort report shows: a fictional cohort, or a quiz's submissions in ``course``."""
    from casekit.exam.quiz import cohort_responses
    from casekit.paths import graders_dir

    bank = bank if bank is not None else load_bank()
    if demo:
        if not bank.items:
            print("The question bank has no items yet, so there is nothing to analyse.")
            return None
        responses = demo_responses(bank)
        print(f"DEMO cohort: {responses['learner'].nunique()} fictional learners, {responses['item'].nunique()} items.")
    else:
        if not quiz:
            print("Set QUIZ to the name of a quiz built with `casekit exam quiz NAME`.")
            return None
        responses = cohort_responses(course or graders_dir(), quiz)
        print(f"{quiz}: {responses['learner'].nunique()} learners submitted.")
    table = item_analysis(responses, bank)
    flags = flagged(table)
    print(f"{len(flags)} item(s) flagged: " + (", ".join(flags["item"]) if len(flags) else "none"))
    return table
