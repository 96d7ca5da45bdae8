#!/usr/bin/env python3
"""Writes the fork's requests for Podium's own test documents, one line per document and
prompt format, as udfs/src/test/resources/fork-reference/requests.jsonl holds them.

Usage: golden.py --fork DIR --templates DIR > requests.jsonl
(--templates: the folder of tokenizer_config.json files, udfs/src/test/resources/chat-templates)
"""

import argparse
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(HERE, "..", "..", "udfs", "src", "test", "resources", "fork-reference")


def fork_requests(fork, template):
    command = [sys.executable, os.path.join(HERE, "fork_requests.py"), "--fork", fork,
               "--docs", os.path.join(RESOURCES, "docs.jsonl"), "--fewshot", os.path.join(RESOURCES, "fewshot.jsonl")]
    if template:
        command += ["--chat-template", template]
    env = dict(os.environ, PODIUM_CHAT_DATE=os.environ.get("PODIUM_CHAT_DATE", "26 Jul 2024"))
    done = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    return [json.loads(line) for line in done.stdout.splitlines()]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fork", required=True)
    parser.add_argument("--templates", required=True)
    args = parser.parse_args()
    formats = [("plain", None)] + [
        (os.path.basename(p).removesuffix(".tokenizer_config.json"), p)
        for p in sorted(glob.glob(os.path.join(args.templates, "*.tokenizer_config.json")))]
    for name, template in formats:
        docs = {}
        for r in fork_requests(args.fork, template):
            key = (r["task"], r["doc_id"])
            d = docs.setdefault(key, {"format": name, "task": r["task"], "doc_id": r["doc_id"],
                                      "request_type": r["request_type"], "context": r["context"],
                                      "continuations": [], "until": r["until"], "max_gen_toks": r["max_gen_toks"]})
            assert d["context"] == r["context"] and len(d["continuations"]) == r["request_index"]
            if r["continuation"] is not None:
                d["continuations"].append(r["continuation"])
        for d in docs.values():
            sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
