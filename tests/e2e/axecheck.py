"""axe-core in the page: inject it with Playwright and list what it finds inside the kit's own output.

axe-core comes from the npm registry into tests/e2e/axe/node_modules (``make e2e`` installs
it from tests/e2e/axe/package.json). JupyterLab's own chrome (menus, toolbars, the file
browser) is not the kit's to fix, so each check is limited to the outputs the kit draws.
"""

from __future__ import annotations

import json
from pathlib import Path

AXE = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")
# What the kit answers for: the WCAG 2.x A and AA rules, and axe's best practices.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def missing() -> str | None:
    return None if AXE.is_file() else f"axe-core is not installed at {AXE}: run `make e2e`"


def violations(page, include: str, frame=None) -> list[dict]:
    """axe's serious and critical violations inside every element matching ``include`` (a CSS selector)."""
    target = frame or page
    if not target.evaluate("() => typeof window.axe !== 'undefined'"):
        target.add_script_tag(path=str(AXE))
    found = target.evaluate(
        """async ([include, tags]) => {
            if (!document.querySelector(include)) return {error: 'nothing on the page matches ' + include};
            const result = await axe.run({include: [[include]]}, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return {violations: result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.filter(n => ['serious', 'critical'].includes(n.impact)).map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200), why: n.failureSummary})),
            }))};
        }""",
        [include, TAGS],
    )
    assert "error" not in found, found.get("error")
    return [v for v in found["violations"] if v["impact"] in SERIOUS and v["nodes"]]


def report(found: list[dict]) -> str:
    """The violations as a reader fixes them: rule, what it asks, and the first few elements."""
    lines = []
    for v in found:
        lines.append(f"{v['impact']}: {v['id']} ({v['help']}), {len(v['nodes'])} element(s)")
        lines += [f"    {n['target']}: {n['html']}\n      {n['why']}" for n in v["nodes"][:4]]
    return "\n".join(lines) or json.dumps(found)
