#!/usr/bin/env python3
"""Rewrites the usage blocks of README.md from the binary's own help.

Each block in README.md looks like

    <!-- usage: mlcheck quiz -h -->
    ```text
    ...
    ```

and is replaced by what that command prints (run with the built binary, stdout a pipe,
COLUMNS unset, as tests/usage.rs runs it). Run after changing the CLI:

    cargo build && python3 scripts/sync-usage.py
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "debug", "mlcheck")
BLOCK = re.compile(r"(<!-- usage: (mlcheck[^>]*?) -->\n```text\n)(.*?)(```)", re.S)


def render(match):
    args = match.group(2).split()[1:]
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR", "TERM")}
    out = subprocess.run([BIN, *args], capture_output=True, text=True, env=env, check=True).stdout
    return match.group(1) + out + match.group(4)


def main():
    path = os.path.join(ROOT, "README.md")
    text = open(path, encoding="utf-8").read()
    new = BLOCK.sub(render, text)
    if new != text:
        open(path, "w", encoding="utf-8").write(new)
        print("README.md: usage blocks updated")
    else:
        print("README.md: usage blocks already in sync")


if __name__ == "__main__":
    sys.exit(main())
