#!/usr/bin/env python3
"""Compares Podium's requests (``bin/podium requests --format jsonl``) with the fork's
(``fork_requests.py``) request by request, and prints per benchmark how many agree.

Usage: compare_requests.py podium.jsonl fork.jsonl
Exit code 0 when every request agrees (context, continuation, until, max_gen_toks) and both
sides hold the same requests; 1 otherwise, with the first differences shown.
"""

import json
import sys
from collections import Counter


def load(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        out[(r["benchmark"], r["subtask"], r["doc_id"], r["request_index"])] = r
    return out


def main():
    podium, fork = load(sys.argv[1]), load(sys.argv[2])
    fields = ["request_type", "context", "continuation", "until", "max_gen_toks"]
    agree, differ, only_podium, only_fork = Counter(), Counter(), Counter(), Counter()
    shown = 0
    for key in sorted(set(podium) | set(fork)):
        b = key[0]
        if key not in fork:
            only_podium[b] += 1
        elif key not in podium:
            only_fork[b] += 1
        else:
            bad = [f for f in fields if podium[key].get(f) != fork[key].get(f)]
            if bad:
                differ[b] += 1
                if shown < 3:
                    shown += 1
                    print(f"differs {key}: {bad}")
                    for f in bad:
                        print(f"  podium {f}: {podium[key].get(f)!r:.300}")
                        print(f"  fork   {f}: {fork[key].get(f)!r:.300}")
            else:
                agree[b] += 1
    total_bad = 0
    for b in sorted(set(agree) | set(differ) | set(only_podium) | set(only_fork)):
        total_bad += differ[b] + only_podium[b] + only_fork[b]
        print(f"{b}: {agree[b]} agree, {differ[b]} differ, {only_podium[b]} only in Podium, {only_fork[b]} only in the fork")
    print(f"{sum(agree.values())} agree, {total_bad} do not")
    return 0 if total_bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
