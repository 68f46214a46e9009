"""Builders the exam tests share: a generated bank and a clock moved by hand."""

from __future__ import annotations


def synthetic_bank(per_domain: int = 60, blueprint=None):
    """A bank of generated items, ``per_domain`` in each ccm-2025 domain, keys spread over A-D."""
    from casekit.exam.bank import Bank, Item
    from casekit.exam.blueprint import load_blueprint

    blueprint = blueprint or load_blueprint()
    old = blueprint.previous.ids
    items = []
    for d_n, domain in enumerate(blueprint.current.ids):
        for n in range(per_domain):
            items.append(Item(
                id=f"{domain}-{n:03d}", stem=f"Generated question {n} in {domain}?",
                options={L: f"option {L} of {domain} {n}" for L in "ABCD"}, key="ABCD"[n % 4],
                rationales={L: f"why {L}" for L in "ABCD"}, domain=domain, domain_2020=old[d_n % len(old)],
                difficulty="medium"))
    return Bank(items=items, files={})


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start=None):
        from datetime import datetime, timezone

        self.moment = start or datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self):
        return self.moment

    def advance(self, **kwargs):
        from datetime import timedelta

        self.moment += timedelta(**kwargs)

