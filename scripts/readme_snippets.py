#!/usr/bin/env python3
"""Runs the Python snippets of README.md ("Loading the outputs") on a fresh seeds dataset.

Usage: python3 scripts/readme_snippets.py [CLAIMEX_BINARY]
It runs `claimex run seeds --out out` in a temporary folder, then each ```python block of the
README with that folder as the working directory, and fails when a snippet fails or prints
nothing. Needs pandas and duckdb.
"""
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def snippets():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/release/claimex")
    blocks = snippets()
    if not blocks:
        sys.exit("README.md has no python snippets")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([binary, "run", str(ROOT / "seeds"), "--out", "out", "-q"], cwd=tmp, check=True)
        for n, code in enumerate(blocks, 1):
            done = subprocess.run([sys.executable, "-c", code], cwd=tmp, capture_output=True, text=True)
            print(f"--- snippet {n} (exit {done.returncode})")
            print(done.stdout, end="")
            if done.returncode != 0 or not done.stdout.strip():
                print(done.stderr, file=sys.stderr)
                sys.exit(f"snippet {n} failed")
    print(f"{len(blocks)} snippets passed")


if __name__ == "__main__":
    main()
