#!/usr/bin/env python3
"""docs/cli.md against checkinctl's own command table ('checkinctl commands', one JSON line per command).

Every command checkinctl knows has a heading in docs/cli.md naming it ("### checkinctl event create"; one heading
may name several sub-commands of a group), and every option the command takes appears in that heading's section
as --option. Usage: cli_reference.py SOURCE_DIR CHECKINCTL
"""
import json
import re
import subprocess
import sys


def sections(text):
    """(line number, heading, section text) for every heading of docs/cli.md that names a checkinctl command."""
    lines = text.splitlines()
    headings = [(i, len(m.group(1)), m.group(2)) for i, line in enumerate(lines)
                if (m := re.match(r"^(#{1,6})\s+(.*)$", line))]
    result = []
    for n, (i, level, title) in enumerate(headings):
        if "checkinctl" not in title:
            continue
        end = next((j for j, lv, _ in headings[n + 1:] if lv <= level), len(lines))
        result.append((i + 1, title, "\n".join(lines[i:end])))
    return result


def names_command(title, command):
    """Whether a heading names the command: "checkinctl event create", or a group's sub-commands sharing one
    section, "checkinctl event create / list / edit"; "checkinctl event" alone names none of them."""
    title = title.replace("`", "")
    group, _, sub = command.partition(" ")
    for m in re.finditer(r"checkinctl " + re.escape(group) + r"(?![\w-])((?:\s*[/,]?\s*[a-z][\w-]*)*)", title):
        words = re.findall(r"[a-z][\w-]*", m.group(1))
        if (not sub and not words) or (sub and sub in words):
            return True
    return False


def main():
    source_dir, checkinctl = sys.argv[1], sys.argv[2]
    doc_path = f"{source_dir}/docs/cli.md"
    run = subprocess.run([checkinctl, "commands"], capture_output=True, text=True)
    if run.returncode != 0:
        print(f"FAIL: '{checkinctl} commands' exited with {run.returncode}: {run.stderr.strip()}")
        return 1
    table = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    if not table:
        print("FAIL: 'checkinctl commands' printed no commands")
        return 1
    with open(doc_path, encoding="utf-8") as f:
        found = sections(f.read())

    failures = []
    for entry in table:
        command, options = entry["command"], entry["options"]
        mine = [(line, text) for line, title, text in found if names_command(title, command)]
        if not mine:
            failures.append(f"docs/cli.md: no heading names 'checkinctl {command}' "
                            f"(add '### checkinctl {command}' with its options: "
                            f"{', '.join('--' + o for o in options) or 'none'})")
            continue
        for option in options:
            pattern = re.compile(r"(?<![\w-])--" + re.escape(option) + r"(?![\w-])")
            if not any(pattern.search(text) for _, text in mine):
                line = mine[0][0]
                failures.append(f"docs/cli.md:{line}: the section on 'checkinctl {command}' does not mention "
                                f"--{option} (see 'checkinctl help {command.split()[0]}')")

    for failure in failures:
        print("FAIL: " + failure)
    if failures:
        return 1
    print(f"docs/cli.md covers all {len(table)} commands of checkinctl and their options")
    return 0


if __name__ == "__main__":
    sys.exit(main())
