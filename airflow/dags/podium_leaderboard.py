"""
Podium leaderboard DAG: the steps of ``conf/pipeline.yaml`` (ingest, claim, evaluate per
claimed submission, score, snapshot) as Airflow tasks that submit the Podium application jar
to Spark with ``SparkSubmitOperator`` (provider ``apache-airflow-providers-apache-spark``).

The steps, their order and their arguments are read from ``conf/pipeline.yaml`` when the DAG is
parsed: the same file ``podium run-pipeline`` runs, so the two cannot disagree. See the README,
"Scheduling with Airflow", for installation, the environment settings and Airflow Variables.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from datetime import timedelta

import pendulum  # an Airflow dependency
import yaml  # an Airflow dependency
from airflow import DAG
from airflow.decorators import task
from airflow.providers.apache.spark.hooks.spark_submit import SparkSubmitHook
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

log = logging.getLogger(__name__)

# The one main class of the application jar (every podium subcommand).
PODIUM_CLASS = "io.podium.app.Podium"

# The repository this file sits in (airflow/dags/ -> ..): the default home of the jar and conf/.
_REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def _setting(name: str, default: str) -> str:
    """A deployment setting from the scheduler's environment (read when the DAG is parsed: no
    metadata-database query at parse time, unlike Variable.get)."""
    value = os.environ.get(name)
    return default if value in (None, "") else value


# Deployment settings: what cannot be templated (an operator's conn_id and pool, the schedule, the
# file this DAG is built from), from environment variables of the scheduler and workers.
PODIUM_HOME = _setting("PODIUM_HOME", _REPO)
SCHEDULE = _setting("PODIUM_SCHEDULE", "@daily")
SPARK_CONN_ID = _setting("PODIUM_SPARK_CONN_ID", "spark_default")
GPU_POOL = _setting("PODIUM_GPU_POOL", "podium_gpu")
JAR = _setting("PODIUM_JAR", os.path.join(PODIUM_HOME, "jobs", "target", "podium-jobs.jar"))
SPARK_CONF_DIR = _setting("PODIUM_SPARK_CONF_DIR", os.path.join(PODIUM_HOME, "conf", "spark"))
PIPELINE_FILE = _setting("PODIUM_PIPELINE_FILE", os.path.join(PODIUM_HOME, "conf", "pipeline.yaml"))
# How long a task may run before Airflow stops it: one model's evaluation, and any other step.
EVALUATE_TIMEOUT = timedelta(hours=float(_setting("PODIUM_EVALUATE_TIMEOUT_HOURS", "24")))
STEP_TIMEOUT = timedelta(hours=float(_setting("PODIUM_STEP_TIMEOUT_HOURS", "2")))

# Per-run data settings, rendered when a task runs: the run's params when given, else the Airflow
# Variables podium_source / podium_warehouse, else these defaults.
SOURCE_T = "{{ params.source or var.value.get('podium_source', 's3a://podium/benchmarks') }}"
WAREHOUSE_T = "{{ params.warehouse or var.value.get('podium_warehouse', 's3a://podium/warehouse') }}"
# The claim of a DAG run is its run_id: a retried claim or evaluate task is the same claim.
CLAIM_ID_T = "{{ run_id }}"

# Which Spark properties file a step runs with: the GPU cluster's for model inference.
GPU_COMMANDS = {"evaluate"}


def properties_file(command: str) -> str:
    name = "cluster-gpu.conf" if command in GPU_COMMANDS else "cluster-cpu.conf"
    return os.path.join(SPARK_CONF_DIR, name)


def load_steps(path: str = PIPELINE_FILE) -> list[dict]:
    """The steps of conf/pipeline.yaml, checked for what this DAG relies on."""
    with open(path, encoding="utf-8") as f:
        steps = (yaml.safe_load(f) or {}).get("steps") or []
    names = [s.get("name") for s in steps]
    if not steps or None in names or len(set(names)) != len(names):
        raise ValueError(f"{path}: steps need unique names, got {names}")
    for i, step in enumerate(steps):
        if not step.get("command"):
            raise ValueError(f"{path}: step {step['name']} has no command")
        if step.get("per_submission") and not any(s["command"] == "claim" for s in steps[:i]):
            raise ValueError(f"{path}: per-submission step {step['name']} comes before any claim step")
    if sum(1 for s in steps if s.get("per_submission")) > 1:
        raise ValueError(f"{path}: the DAG maps one per-submission step over the claimed submissions")
    return steps


def podium_args(step: dict, warehouse: str, source: str, claim_id: str, model_key: str | None = None) -> list[str]:
    """The podium command line of a step: command, its arguments with {source}, {claim_id} and
    {model_key} filled in, then --warehouse."""
    values = {"source": source, "claim_id": claim_id, "model_key": model_key}

    def fill(arg: str) -> str:
        def one(m: re.Match) -> str:
            if values.get(m.group(1)) is None:
                raise ValueError(f"step {step['name']}: no value for {m.group(0)}")
            return values[m.group(1)]

        return re.sub(r"\{(source|claim_id|model_key)\}", one, str(arg))

    return [step["command"], *[fill(a) for a in step.get("args") or []], "--warehouse", warehouse]


def read_claimed(path: str) -> list[str]:
    """The model keys `podium claim --keys-file` wrote: one JSON array of strings."""
    try:
        with open(path, encoding="utf-8") as f:
            keys = json.load(f)
    except FileNotFoundError:
        raise RuntimeError(
            f"podium claim wrote no {path}: its driver ran elsewhere. The claim step needs a Spark"
            f" connection whose deploy mode is client (the default), so the driver writes on this worker"
        ) from None
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
        raise ValueError(f"{path}: expected a JSON array of model keys, got {keys!r}")
    return keys


STEPS = load_steps()

with DAG(
    dag_id="podium_leaderboard",
    description="Open LLM Leaderboard v2 on Spark: ingest, evaluate the pending submissions, score, snapshot",
    doc_md=__doc__
    + """
### Tasks

One task per step of `conf/pipeline.yaml`, in its order. Every Spark task runs
`spark-submit --class io.podium.app.Podium podium-jobs.jar <command> <args> --warehouse <warehouse>`
on the connection `podium_spark_conn_id` with `conf/spark/cluster-cpu.conf`, or
`cluster-gpu.conf` for `evaluate`.

- **claim** marks the PENDING submissions RUNNING under the claim `run_id` (atomically, in the
  warehouse) and returns the evaluate command lines of the claimed model keys. It submits
  `claim --claim-id <run_id> --keys-file <file>` through `SparkSubmitHook` and reads the keys the
  driver wrote (client mode). A retry is the same claim: it gets back what it already holds.
- **evaluate** is mapped over the claimed submissions, one task each, named by its model key, in
  the pool `PODIUM_GPU_POOL` (its slots are the number of models evaluated at once). Nothing
  claimed: it is skipped. `evaluate --submission KEY --claim-id <run_id>` refuses a submission
  that is not RUNNING under this claim, so a retry resumes a crashed evaluation but never turns
  FAILED into FINISHED.
- **score** runs when every evaluation is done, failed ones included (a failed model is marked
  FAILED in `submissions` and does not stop the others from being scored); **snapshot** follows.

Params: `source` (benchmark files for ingest) and `warehouse` (the Delta tables); when left
empty, the Variables `podium_source` and `podium_warehouse`, read when a task runs.
""",
    schedule=SCHEDULE,
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args={
        "owner": "podium",
        "retries": 2,
        "retry_delay": timedelta(minutes=5),
        "execution_timeout": STEP_TIMEOUT,
    },
    params={"source": "", "warehouse": ""},
    tags=["podium", "spark", "leaderboard"],
) as dag:
    per_submission = next((s for s in STEPS if s.get("per_submission")), None)

    @task(task_id="claim")
    def claim(warehouse: str, source: str, claim_id: str) -> list[list[str]]:
        """Claims the PENDING submissions under claim_id; returns one evaluate command line per
        model key it holds. The arguments arrive rendered (TaskFlow templates them)."""
        step = next(s for s in STEPS if s["command"] == "claim")
        with tempfile.TemporaryDirectory(prefix="podium-claim-") as tmp:
            keys_file = os.path.join(tmp, "claimed.json")
            SparkSubmitHook(
                conn_id=SPARK_CONN_ID,
                java_class=PODIUM_CLASS,
                properties_file=properties_file(step["command"]),
                name=f"podium-{step['name']}",
                application_args=[*podium_args(step, warehouse, source, claim_id), "--keys-file", keys_file],
            ).submit(application=JAR)
            keys = read_claimed(keys_file)
        log.info("claim %s holds %d submission(s): %s", claim_id, len(keys), keys)
        if per_submission is None:
            return []
        return [podium_args(per_submission, warehouse, source, claim_id, key) for key in keys]

    previous = None
    previous_mapped = False
    claimed = None
    for step in STEPS:
        command = step["command"]
        if command == "claim":
            current = claimed = claim(warehouse=WAREHOUSE_T, source=SOURCE_T, claim_id=CLAIM_ID_T)
        elif step.get("per_submission"):
            current = SparkSubmitOperator.partial(
                task_id=step["name"],
                conn_id=SPARK_CONN_ID,
                application=JAR,
                java_class=PODIUM_CLASS,
                properties_file=properties_file(command),
                name=f"podium-{step['name']}",
                pool=GPU_POOL,
                execution_timeout=EVALUATE_TIMEOUT,
                # The Airflow UI names each mapped evaluation by its model key.
                map_index_template="{{ task.application_args[task.application_args.index('--submission') + 1] }}",
            ).expand(application_args=claimed)
        else:
            current = SparkSubmitOperator(
                task_id=step["name"],
                conn_id=SPARK_CONN_ID,
                application=JAR,
                java_class=PODIUM_CLASS,
                application_args=podium_args(step, WAREHOUSE_T, SOURCE_T, CLAIM_ID_T),
                properties_file=properties_file(command),
                name=f"podium-{step['name']}",
                # The step after the evaluations runs when they are all done, failed or not.
                trigger_rule="all_done" if previous_mapped else "all_success",
            )
        if previous is not None:
            previous >> current
        previous = current
        previous_mapped = bool(step.get("per_submission"))
