#!/usr/bin/env python3
"""Writes a copy of the system's time zone database in which no zone keeps its rules after 2024.

Usage: tzdata-future.py SOURCE_DIR DEST_DIR   (e.g. /usr/share/zoneinfo /tmp/zoneinfo-future)

Every rule-based zone (a TZif file with transitions) keeps its history up to 2025-01-01 12:00 UTC, which is after
the end of 31 December 2024 in every zone, byte for byte. From then on it follows rules that no tzdata release has
or will have: standard time 1 h 17 min away from the zone's own, and a daylight-saving hour from the third Sunday of
April to the third Sunday of October. Fixed zones (UTC, Etc/GMT+5, …) and non-TZif files are copied unchanged.

scripts/tzdata-check.sh runs tests with this copy in place of /usr/share/zoneinfo: a test that passes there does
not depend on what any tzdata release says about 2025 or later, only on the rules it reads from the database or on
dates whose rules are settled. See docs/time-zones.md.
"""
import os
import shutil
import struct
import sys

# 2025-01-01 12:00:00 UTC: 2024 has ended everywhere (the westernmost zones are UTC-12).
FUTURE_FROM = 1735732800
SHIFT = 77 * 60
STD_NAME, DST_NAME = b"FUT", b"FUS"
DST_RULE = ",M4.3.0/3,M10.3.0/3"

HEADER = struct.Struct(">4sc15x6l")


def read_block(data, pos, time_size):
    magic, version, isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = HEADER.unpack_from(data, pos)
    if magic != b"TZif":
        raise ValueError("not a TZif file")
    pos += HEADER.size
    tfmt = ">%d%s" % (timecnt, "q" if time_size == 8 else "l")
    times = list(struct.unpack_from(tfmt, data, pos)); pos += timecnt * time_size
    idxs = list(data[pos:pos + timecnt]); pos += timecnt
    types = []
    for _ in range(typecnt):
        types.append(struct.unpack_from(">lBB", data, pos)); pos += 6
    chars = data[pos:pos + charcnt]; pos += charcnt
    leaps = data[pos:pos + leapcnt * (time_size + 4)]; pos += leapcnt * (time_size + 4)
    isstd = list(data[pos:pos + isstdcnt]); pos += isstdcnt
    isut = list(data[pos:pos + isutcnt]); pos += isutcnt
    block = dict(version=version, times=times, idxs=idxs, types=types, chars=chars, leaps=leaps,
                 leapcnt=leapcnt, isstd=isstd, isut=isut)
    return block, pos


def write_block(b, time_size):
    out = HEADER.pack(b"TZif", b["version"], len(b["isut"]), len(b["isstd"]), b["leapcnt"], len(b["times"]),
                      len(b["types"]), len(b["chars"]))
    out += struct.pack(">%d%s" % (len(b["times"]), "q" if time_size == 8 else "l"), *b["times"])
    out += bytes(b["idxs"])
    for t in b["types"]:
        out += struct.pack(">lBB", *t)
    out += b["chars"] + b["leaps"] + bytes(b["isstd"]) + bytes(b["isut"])
    return out


def posix_offset(seconds_east):
    # POSIX TZ offsets are west-positive.
    west = -seconds_east
    sign = "-" if west < 0 else ""
    west = abs(west)
    return "%s%d:%02d" % (sign, west // 3600, (west // 60) % 60)


def future_file(data):
    """The TZif bytes with every rule from FUTURE_FROM replaced, or None when the zone has no rules to replace."""
    v1, v1_end = read_block(data, 0, 4)
    if v1["version"] < b"2":
        return None
    v2, pos = read_block(data, v1_end, 8)
    if not v2["times"]:
        return None  # a fixed zone (UTC, Etc/GMT-7): there is no rule to change
    keep = [i for i, t in enumerate(v2["times"]) if t < FUTURE_FROM]
    standard = [v2["types"][v2["idxs"][i]][0] for i in keep if v2["types"][v2["idxs"][i]][1] == 0]
    base = standard[-1] if standard else v2["types"][0][0]
    std = base - SHIFT if base >= 0 else base + SHIFT
    chars = v2["chars"]
    std_idx = len(v2["types"])
    v2["types"] = v2["types"] + [(std, 0, len(chars)), (std + 3600, 1, len(chars) + len(STD_NAME) + 1)]
    v2["chars"] = chars + STD_NAME + b"\0" + DST_NAME + b"\0"
    if v2["isstd"]:
        v2["isstd"] += [0, 0]
    if v2["isut"]:
        v2["isut"] += [0, 0]
    v2["times"] = [v2["times"][i] for i in keep] + [FUTURE_FROM]
    v2["idxs"] = [v2["idxs"][i] for i in keep] + [std_idx]
    tz = STD_NAME.decode() + posix_offset(std) + DST_NAME.decode() + DST_RULE
    # The version-1 block is left as it was: only pre-2007 readers use it, and none of ours does.
    return data[:v1_end] + write_block(v2, 8) + b"\n" + tz.encode() + b"\n"


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    source, dest = argv[1], argv[2]
    if os.path.exists(dest):
        shutil.rmtree(dest)
    shutil.copytree(source, dest, symlinks=True)
    changed = 0
    for root, _, files in os.walk(dest):
        for name in files:
            path = os.path.join(root, name)
            if os.path.islink(path):
                continue
            with open(path, "rb") as f:
                data = f.read()
            if not data.startswith(b"TZif"):
                continue
            new = future_file(data)
            if new is None:
                continue
            # Hard links share the bytes: write a new file so that each path is rewritten once, from its original.
            os.unlink(path)
            with open(path, "wb") as f:
                f.write(new)
            changed += 1
    print("tzdata-future: %d zones in %s keep their rules up to 2024 and follow made-up rules from 2025"
          % (changed, dest))
    return 0 if changed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
