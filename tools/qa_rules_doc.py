"""Write docs/qa-rules.md from resources/qa/*.toml (``make docs``); ``--check`` exits 1 if stale."""

from __future__ import annotations

import sys
from pathlib import Path

from chc_desktop.services.qa import built_in_rules

OUT = Path(__file__).resolve().parent.parent / "docs" / "qa-rules.md"
KIND_NAMES = {
    "dst": "DST",
    "checklist": "Checklist",
    "fast-track": "Fast Track",
    "review": "Review",
}


def render() -> str:
    rules = built_in_rules()
    lines = [
        "# Built-in QA rules",
        "",
        "Generated from `resources/qa/*.toml` by `make docs`; do not edit by hand.",
        "",
        "Blocking findings stop signing until fixed. Warnings must be acknowledged with a",
        "justification, which is stored, audited and printed in the review pack. Info is advice.",
        "An organisation can add rules, or change a rule's severity or switch it off, in",
        "`qa-rules.toml` in the profile folder (see `docs/architecture.md`).",
        "",
        f"{len(rules)} rules.",
        "",
        "| Rule | Severity | Applies to | Checks | Why it matters |",
        "|---|---|---|---|---|",
    ]
    for rule in sorted(rules, key=lambda r: (r.severity.order, r.id)):
        kinds = ", ".join(KIND_NAMES[k] for k in rule.kinds)
        message = rule.message.replace("|", "/")
        lines.append(f"| `{rule.id}` | {rule.severity.value} | {kinds} | {message} | {rule.why} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print("docs/qa-rules.md is stale; run 'make docs'")
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(OUT.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
