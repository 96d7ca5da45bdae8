"""
Podium leaderboard DAG: the steps of ``conf/pipeline.yaml`` (ingest, claim, evaluate per
claimed submission, score, snapshot) as Airflow tasks that submit the Podium application jar
to Spark with ``SparkSubmitOperator`` (provider ``apache-airflow-providers-apache-spark``).

The steps, their order and their arguments are read from ``conf/pipeline.yaml`` when the DAG is
parsed: the same file ``podium run-pipeline`` runs, so the two cannot disagree. See the README,
"Scheduling with Airflow", for installation, the Airflow Variables and their defaults.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
from datetime import datetime, timedelta

import yaml  # an Airflow dependency
from airflow import DAG
from airflow.decorators import task
from airflow.models import Variable
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

log = logging.getLogger(__name__)

# The one main class of the application jar (every podium subcommand).
PODIUM_CLASS = "io.podium.app.Podium"

# The repository this file sits in (airflow/dags/ -> ..): the default home of the jar and conf/.
_REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def _variable(key: str, default: str) -> str:
    """An Airflow Variable, read when the DAG is parsed, or its default."""
    try:
        value = Variable.get(key, default_var=default)
    except TypeError:  # the Airflow 3 task SDK names the argument `default`
        value = Variable.get(key, default=default)
    return default if value in (None, "") else str(value)


# Deployment settings: Airflow Variables, read at parse time (an operator's conn_id, pool and a
# DAG's schedule cannot be templated).
PODIUM_HOME = _variable("podium_home", _REPO)
SCHEDULE = _variable("podium_schedule", "@daily")
SPARK_CONN_ID = _variable("podium_spark_conn_id", "spark_default")
GPU_POOL = _variable("podium_gpu_pool", "podium_gpu")
JAR = _variable("podium_jar", os.path.join(PODIUM_HOME, "jobs", "target", "podium-jobs.jar"))
SPARK_CONF_DIR = _variable("podium_spark_conf_dir", os.path.join(PODIUM_HOME, "conf", "spark"))
PIPELINE_FILE = _variable("podium_pipeline_file", os.path.join(PODIUM_HOME, "conf", "pipeline.yaml"))
# Per-run data settings: DAG params (overridable when triggering a run), defaults from Variables.
DEFAULT_SOURCE = _variable("podium_source", "s3a://podium/benchmarks")
DEFAULT_WAREHOUSE = _variable("podium_warehouse", "s3a://podium/warehouse")

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


def podium_args(step: dict, warehouse: str, source: str, model_key: str | None = None) -> list[str]:
    """The podium command line of a step: command, its arguments with {source} and {model_key}
    filled in, then --warehouse."""
    values = {"source": source, "model_key": model_key}

    def fill(arg: str) -> str:
        def one(m: re.Match) -> str:
            if values.get(m.group(1)) is None:
                raise ValueError(f"step {step['name']}: no value for {m.group(0)}")
            return values[m.group(1)]

        return re.sub(r"\{(source|model_key)\}", one, str(arg))

    return [step["command"], *[fill(a) for a in step.get("args") or []], "--warehouse", warehouse]


def parse_claimed(stdout: str) -> list[str]:
    """The model keys `podium claim --json` printed: the last output line that is a JSON array."""
    for line in reversed(stdout.splitlines()):
        line = line.strip()
        if not line.startswith("["):
            continue
        try:
            keys = json.loads(line)
        except ValueError:
            continue  # a log line such as "[Stage 0:>"
        if isinstance(keys, list) and all(isinstance(k, str) for k in keys):
            return keys
    raise ValueError("claim printed no JSON array of model keys:\n" + stdout[-2000:])


def spark_submit_command(conn_id: str, args: list[str], name: str) -> list[str]:
    """spark-submit of the Podium jar in client mode (the driver's stdout is this process's),
    against the master of an Airflow Spark connection, as SparkSubmitOperator would submit it."""
    try:
        from airflow.sdk import BaseHook  # Airflow 3
    except ImportError:
        from airflow.hooks.base import BaseHook  # Airflow 2

    conn = BaseHook.get_connection(conn_id)
    extra = conn.extra_dejson or {}
    master = f"{conn.host}:{conn.port}" if conn.port else (conn.host or "local[*]")
    binary = extra.get("spark-binary") or "spark-submit"
    if os.environ.get("SPARK_HOME") and os.sep not in binary:
        binary = os.path.join(os.environ["SPARK_HOME"], "bin", binary)
    command = [binary, "--master", master, "--deploy-mode", "client", "--name", name]
    if extra.get("queue"):
        command += ["--queue", extra["queue"]]
    command += ["--properties-file", properties_file(args[0]), "--class", PODIUM_CLASS, JAR, *args]
    return command


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

- **claim** marks the PENDING submissions RUNNING (atomically, in the warehouse) and returns the
  evaluate command lines of the claimed model keys; it runs `spark-submit ... claim --json` in
  client mode itself to read the keys from the driver's output, which SparkSubmitOperator does
  not return. It is not retried: a retry would claim other submissions and leave these RUNNING.
- **evaluate** is mapped over the claimed submissions, one task each, in the pool
  `podium_gpu_pool` (its slots are the number of models evaluated at once). Nothing claimed:
  it is skipped.
- **score** runs when every evaluation is done, failed ones included (a failed model is marked
  FAILED in `submissions` and does not stop the others from being scored); **snapshot** follows.

Params: `source` (benchmark files for ingest) and `warehouse` (the Delta tables), defaults from
the Variables `podium_source` and `podium_warehouse`.
""",
    schedule=SCHEDULE,
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args={
        "owner": "podium",
        "retries": 2,
        "retry_delay": timedelta(minutes=5),
    },
    params={"source": DEFAULT_SOURCE, "warehouse": DEFAULT_WAREHOUSE},
    tags=["podium", "spark", "leaderboard"],
) as dag:
    # Jinja placeholders the operator renders at run time.
    WAREHOUSE_T = "{{ params.warehouse }}"
    SOURCE_T = "{{ params.source }}"

    per_submission = next((s for s in STEPS if s.get("per_submission")), None)

    @task(task_id="claim", retries=0)
    def claim(**context) -> list[list[str]]:
        """Claims the PENDING submissions; returns one evaluate command line per claimed key."""
        params = context["params"]
        step = next(s for s in STEPS if s["command"] == "claim")
        args = podium_args(step, params["warehouse"], params["source"])
        command = spark_submit_command(SPARK_CONN_ID, args, "podium-claim")
        log.info("running %s", " ".join(command))
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.stderr:
            log.info("%s", done.stderr[-20000:])
        if done.returncode != 0:
            raise RuntimeError(f"podium claim exited {done.returncode}:\n{done.stdout[-4000:]}{done.stderr[-4000:]}")
        keys = parse_claimed(done.stdout)
        log.info("claimed %d submission(s): %s", len(keys), keys)
        context["ti"].xcom_push(key="model_keys", value=keys)
        if per_submission is None:
            return []
        return [podium_args(per_submission, params["warehouse"], params["source"], key) for key in keys]

    previous = None
    previous_mapped = False
    claimed = None
    for step in STEPS:
        command = step["command"]
        if command == "claim":
            current = claimed = claim()
        elif step.get("per_submission"):
            current = SparkSubmitOperator.partial(
                task_id=step["name"],
                conn_id=SPARK_CONN_ID,
                application=JAR,
                java_class=PODIUM_CLASS,
                properties_file=properties_file(command),
                name=f"podium-{step['name']}",
                pool=GPU_POOL,
            ).expand(application_args=claimed)
        else:
            current = SparkSubmitOperator(
                task_id=step["name"],
                conn_id=SPARK_CONN_ID,
                application=JAR,
                java_class=PODIUM_CLASS,
                application_args=podium_args(step, WAREHOUSE_T, SOURCE_T),
                properties_file=properties_file(command),
                name=f"podium-{step['name']}",
                # The step after the evaluations runs when they are all done, failed or not.
                trigger_rule="all_done" if previous_mapped else "all_success",
            )
        if previous is not None:
            previous >> current
        previous = current
        previous_mapped = bool(step.get("per_submission"))
