#!/usr/bin/env python3
"""Rewrites the rule table in docs/rules.md from the catalogue.

    java -jar cli/target/pinpoint-events.jar rules --format json | tools/rules-table.py docs/rules.md

RuleCatalogueTest fails when that table and the catalogue disagree.
"""
import json
import sys

rules = json.load(sys.stdin)
rows = []
for r in rules:
    if r["severity"] == "warning":
        answer = "warning"
    elif r["level"] == "client":
        answer = "AWS CLI exit 252"
    elif r["level"] == "request":
        answer = f"HTTP {r['statusCode']} {r['errorType']}"
    else:
        answer = f"item {r['statusCode']}"
    message = r["message"].replace("|", "\\|").replace("\n", " ")
    rows.append(f"| `{r['id']}` | {r['level']} | {answer} | {r['provenance']} | {message} |")

path = sys.argv[1]
lines = open(path, encoding="utf-8").read().split("\n")
header = lines.index("| id | level | answer | provenance | message |")
end = header + 2
while end < len(lines) and lines[end].startswith("| `"):
    end += 1
lines[header + 2:end] = rows
open(path, "w", encoding="utf-8").write("\n".join(lines))
