#!/usr/bin/env python3
"""Renders docs/gpu-plan.tsv (written by the RAPIDS plan check, io.podium.rapids.PlanCheck) as the
per-job tables of docs/gpu.md: the share of operators RAPIDS would run on the GPU, the physical
operators on and off the GPU, and Podium's own expressions that stay off it.

    python3 tools/gpu-plan/tables.py docs/gpu-plan.tsv
"""
import csv
import sys
from collections import OrderedDict

# The expressions of Delta's transaction-log replay (typed Datasets of its actions) and of Spark's
# object (de)serialization: not Podium's SQL, and never on the GPU (RAPIDS runs log replay on the CPU).
OBJECT_EXPRESSIONS = {
    "Invoke", "StaticInvoke", "LambdaVariable", "WrapOption", "UnwrapOption", "ValidateExternalType",
    "AssertNotNull", "NewInstance", "ExternalMapToCatalyst", "CatalystToExternalMap", "MapObjects",
    "GetExternalRowField", "CreateExternalRow", "InitializeJavaBean", "If", "IsNull", "Literal",
    "AttributeReference", "BoundReference", "GetStructField", "ScalaUDF:UDF", "JsonToStructs",
}


def main(path):
    jobs = OrderedDict()
    for row in csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"):
        jobs.setdefault(row["job"], []).append(row)
    order = ["ingest", "evaluate", "score", "snapshot", "leaderboard", "sql-functions"]
    print("| job | operators on the GPU | physical operators (Exec) on the GPU |")
    print("|---|---|---|")
    for job in order:
        rows = jobs.get(job, [])
        on = sum(int(r["on_gpu"]) for r in rows)
        total = on + sum(int(r["off_gpu"]) for r in rows)
        eon = sum(int(r["on_gpu"]) for r in rows if r["kind"] == "Exec")
        etotal = eon + sum(int(r["off_gpu"]) for r in rows if r["kind"] == "Exec")
        print(f"| {job} | {on:,} of {total:,} ({100 * on / total:.0f}%) | {eon:,} of {etotal:,} ({100 * eon / etotal:.0f}%) |")
    for job in order:
        rows = jobs.get(job, [])
        print(f"\n### {job}\n")
        print("| operator | on GPU | not | RAPIDS's reason (first seen) |")
        print("|---|---|---|---|")
        for r in rows:
            podium_expression = r["kind"] != "Exec" and r["operator"] not in OBJECT_EXPRESSIONS \
                and (int(r["off_gpu"]) > 0 or r["operator"].startswith("ScalaUDF:podium"))
            if r["kind"] in ("Exec", "Command") or podium_expression:
                reason = r["reasons"].split(" | ")[0].replace("|", "\\|")
                reason = reason if len(reason) <= 140 else reason[:137] + "..."
                print(f"| {r['kind']} {r['operator']} | {r['on_gpu']} | {r['off_gpu']} | {reason} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/gpu-plan.tsv")
