#!/usr/bin/env python3
"""Copies each rendered snapshot into the README block that shows it.

A README block is marked `<!-- sample: tests/rendered/NAME -->` followed by a fenced block;
the tests (tests/rendered.rs, tests/report.rs, ...) check that the block equals the file.
Run after `UPDATE_EXPECTED=1 cargo test` has rewritten the snapshots.
"""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
readme = root / "README.md"
text = readme.read_text(encoding="utf-8")
pattern = re.compile(r"(<!-- sample: (\S+) -->\n```(\w*)\n)(.*?)(```\n)", re.S)


def replace(match: re.Match) -> str:
    sample = (root / match.group(2)).read_text(encoding="utf-8")
    if not sample.endswith("\n"):
        sample += "\n"
    return match.group(1) + sample + match.group(5)


new = pattern.sub(replace, text)
if new != text:
    readme.write_text(new, encoding="utf-8")
    print("README.md: samples updated")
else:
    print("README.md: samples already in sync", file=sys.stderr)
