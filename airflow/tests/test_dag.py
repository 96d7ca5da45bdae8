"""Tests of airflow/dags/podium_leaderboard.py without Airflow (the Python standard library and Jinja2, an Airflow dependency).

- the DAG file compiles;
- its SparkSubmitOperator calls and the claim task, read with `ast`: the main class is
  io.podium.app.Podium and it is in the built jar;
- the DAG, loaded on stand-ins for the few Airflow names it uses: one task per step of
  conf/pipeline.yaml in that order, chained; properties files, pool, trigger rules, schedule;
  what Airflow's users expect of a DAG: no Variable.get when it is parsed, a timezone-aware
  start_date, an execution_timeout on every task, mapped evaluations named by their model
  (map_index_template, rendered with the real Jinja2), the claim through SparkSubmitHook;
- every Spark task's command line is accepted by that podium subcommand
  (`java ... io.podium.app.Podium <command> <args> --dry-run` on the built jar), including the
  claim task's and the evaluate command lines it returns.

Real Airflow is not installed here (not in Debian, PyPI unreachable): these stand-ins are the
closest check this machine allows.

Run from the repository root: python3 -m unittest discover -s airflow/tests -v
(mvn verify runs it through jobs/src/test/java/io/podium/cli/AirflowDagIT.java). The jar tests
are skipped, with a message, when jobs/target/podium-jobs.jar is not built.
"""

from __future__ import annotations

import ast
import datetime
import importlib.util
import json
import os
import py_compile
import re
import shutil
import subprocess
import sys
import tempfile
import types
import unittest
import zipfile
from unittest import mock

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DAG_FILE = os.path.join(ROOT, "airflow", "dags", "podium_leaderboard.py")
PIPELINE = os.path.join(ROOT, "conf", "pipeline.yaml")
JAR = os.path.join(ROOT, "jobs", "target", "podium-jobs.jar")
SPARK_CLASSPATH = os.path.join(ROOT, "jobs", "target", "spark-classpath.txt")
POM = os.path.join(ROOT, "pom.xml")
PODIUM_CLASS = "io.podium.app.Podium"

# What the run-time values become in the dry runs.
PLACEHOLDERS = {
    "source": "s3a://placeholder-bucket/benchmarks",
    "warehouse": "s3a://placeholder-bucket/warehouse",
}
CLAIMED = ["org/placeholder-model@main#bfloat16", "org/other-model@v2#float16"]
RUN_ID = "scheduled__2026-12-04T00:00:00+00:00"


# --- conf/pipeline.yaml without PyYAML ---------------------------------------------------------

def _scalar(text: str, where: str):
    text = text.strip()
    if text.startswith("[") or text.startswith('"'):
        return json.loads(text)  # flow lists and double-quoted strings: JSON's syntax here
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if not text or text[0] in "{'&*!|>%@`":
        raise ValueError(f"{where}: unsupported YAML value {text!r} (extend the reader in test_dag.py)")
    return text


def read_pipeline(path: str = PIPELINE) -> list[dict]:
    """The `steps:` list of conf/pipeline.yaml: a list of flat mappings whose values are plain
    scalars, booleans or JSON-style flow lists. Anything else fails loudly."""
    steps = None
    current = None
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            where = f"{path}:{number}"
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line == "steps:":
                steps = []
                continue
            if steps is None:
                raise ValueError(f"{where}: expected 'steps:' first, got {line!r}")
            m = re.fullmatch(r"  - (\w+): (.*)", line) or re.fullmatch(r"    (\w+): (.*)", line)
            if not m:
                raise ValueError(f"{where}: unsupported YAML line {line!r} (extend the reader in test_dag.py)")
            if line.startswith("  - "):
                current = {}
                steps.append(current)
            elif current is None:
                raise ValueError(f"{where}: a key outside a step")
            current[m.group(1)] = _scalar(m.group(2), where)
    if not steps:
        raise ValueError(f"{path}: no steps")
    return steps


# --- stand-ins for the Airflow names the DAG imports --------------------------------------------

class FakeTask:
    def __init__(self, dag, task_id, kind, kwargs):
        self.task_id = task_id
        self.kind = kind  # "spark", "spark-mapped" or "python"
        self.kwargs = kwargs
        self.upstream = []
        dag.tasks.append(self)

    def __rshift__(self, other):
        other.upstream.append(self)
        return other


class FakeDAG:
    current = None

    def __init__(self, dag_id=None, **kwargs):
        self.dag_id = dag_id
        self.kwargs = kwargs
        self.tasks = []

    def __enter__(self):
        FakeDAG.current = self
        return self

    def __exit__(self, *exc):
        FakeDAG.current = None
        return False


class FakePartial:
    def __init__(self, kwargs):
        self.kwargs = kwargs

    def expand(self, **mapped):
        return FakeTask(FakeDAG.current, self.kwargs["task_id"], "spark-mapped", {**self.kwargs, "expand": mapped})


class FakeSparkSubmitOperator(FakeTask):
    def __init__(self, **kwargs):
        super().__init__(FakeDAG.current, kwargs["task_id"], "spark", kwargs)

    @classmethod
    def partial(cls, **kwargs):
        return FakePartial(kwargs)


def fake_task(task_id=None, **options):
    def decorate(fn):
        def call(*args, **kwargs):
            t = FakeTask(FakeDAG.current, task_id or fn.__name__, "python", {**options, "args": args, **kwargs})
            t.function = fn
            return t

        return call

    return decorate


class ParseTimeVariable:
    """Airflow's Variable as seen while the DAG is parsed: reading one is a test failure (each
    read is a metadata-database query on every parse)."""

    @classmethod
    def get(cls, key, *args, **kwargs):
        raise AssertionError(f"Variable.get({key!r}) while the DAG is parsed; template it or read it in a task")


class FakeSparkSubmitHook:
    """SparkSubmitHook: records how it was built and what it submitted; submit() does what the
    claim's driver does in client mode, writing the claimed keys to --keys-file."""
    made: list = []
    claimed: list = CLAIMED

    def __init__(self, **kwargs):
        self.kwargs = kwargs
        FakeSparkSubmitHook.made.append(self)

    def submit(self, application=""):
        self.application = application
        args = self.kwargs["application_args"]
        with open(args[args.index("--keys-file") + 1], "w", encoding="utf-8") as f:
            json.dump(FakeSparkSubmitHook.claimed, f)


def _module(name, **attrs):
    m = types.ModuleType(name)
    m.__dict__.update(attrs)
    return m


def _pendulum_datetime(year, month, day, *rest, tz="UTC"):
    """pendulum.datetime's meaning, for a Python without pendulum (an Airflow dependency)."""
    from zoneinfo import ZoneInfo

    return datetime.datetime(year, month, day, *rest, tzinfo=ZoneInfo(tz))


def load_dag(environment=None):
    """Imports the DAG file on the stand-ins, with these environment variables; returns (module, dag)."""
    stubs = {
        "airflow": _module("airflow", DAG=FakeDAG),
        "airflow.decorators": _module("airflow.decorators", task=fake_task),
        "airflow.models": _module("airflow.models", Variable=ParseTimeVariable),
        "airflow.providers": _module("airflow.providers"),
        "airflow.providers.apache": _module("airflow.providers.apache"),
        "airflow.providers.apache.spark": _module("airflow.providers.apache.spark"),
        "airflow.providers.apache.spark.hooks": _module("airflow.providers.apache.spark.hooks"),
        "airflow.providers.apache.spark.hooks.spark_submit": _module(
            "airflow.providers.apache.spark.hooks.spark_submit", SparkSubmitHook=FakeSparkSubmitHook),
        "airflow.providers.apache.spark.operators": _module("airflow.providers.apache.spark.operators"),
        "airflow.providers.apache.spark.operators.spark_submit": _module(
            "airflow.providers.apache.spark.operators.spark_submit", SparkSubmitOperator=FakeSparkSubmitOperator),
    }
    try:
        import yaml  # noqa: F401  (an Airflow dependency; absent in a bare Python)
    except ImportError:
        stubs["yaml"] = _module("yaml", safe_load=lambda f: {"steps": read_pipeline(f.name)})
    try:
        import pendulum  # noqa: F401  (an Airflow dependency)
    except ImportError:
        stubs["pendulum"] = _module("pendulum", datetime=_pendulum_datetime)
    settings = {k: v for k, v in os.environ.items() if not k.startswith("PODIUM_")}
    settings.update(environment or {})
    with mock.patch.dict(sys.modules, stubs), mock.patch.dict(os.environ, settings, clear=True):
        spec = importlib.util.spec_from_file_location("podium_leaderboard_under_test", DAG_FILE)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return module, module.dag


class VariableValues:
    """`var.value` in a template: Airflow Variables, read when the task runs."""

    def __init__(self, values):
        self.values = values

    def get(self, key, default=None):
        return self.values.get(key, default)


def render(value, params=None, variables=None, task=None):
    """Renders one of the DAG's templates as Airflow would when the task runs, with the real
    Jinja2 (an Airflow dependency): params as given (default: the placeholders),
    Airflow Variables, the run's run_id and the task. Leftover templates or pipeline placeholders
    fail the test."""
    import jinja2

    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    rendered = env.from_string(value).render(
        params=params if params is not None else dict(PLACEHOLDERS),
        var={"value": VariableValues(variables or {})}, run_id=RUN_ID, task=task)
    if "{{" in rendered or re.search(r"\{\w+\}", rendered):
        raise AssertionError(f"unrendered template or pipeline placeholder in {value!r}")
    return rendered


def run_claim(module, dag, params=None, variables=None):
    """Runs the claim task's function as Airflow would: its templated arguments rendered, the
    SparkSubmitHook stood in for. Returns (hook, result)."""
    claim = next(t for t in dag.tasks if t.task_id == "claim")
    kwargs = {k: render(v, params, variables) for k, v in claim.kwargs.items() if k in ("warehouse", "source",
                                                                                         "claim_id")}
    FakeSparkSubmitHook.made = []
    result = claim.function(**kwargs)
    assert len(FakeSparkSubmitHook.made) == 1, FakeSparkSubmitHook.made
    return FakeSparkSubmitHook.made[0], result


# --- podium --dry-run on the built jar ---------------------------------------------------------

def jar_or_skip(test: unittest.TestCase):
    if not os.path.isfile(JAR) or not os.path.isfile(SPARK_CLASSPATH):
        test.skipTest(f"the application jar is not built ({JAR}); run mvn -B -DskipTests package")
    if shutil.which("java") is None:
        test.skipTest("java is not on the PATH")


def dry_run(args: list[str]) -> subprocess.CompletedProcess:
    """java ... io.podium.app.Podium ARGS --dry-run, on the jar and Spark's classpath as bin/podium
    runs it (the JVM flags of pom.xml, the classpath in an @argfile)."""
    with open(POM, encoding="utf-8") as f:
        m = re.search(r"<spark.jvm.flags>(.*?)</spark.jvm.flags>", f.read())
    flags = m.group(1).split() if m else []
    with open(SPARK_CLASSPATH, encoding="utf-8") as f:
        classpath = JAR + os.pathsep + f.read().strip()
    with tempfile.NamedTemporaryFile("w", suffix=".args", delete=False) as argfile:
        argfile.write('-cp\n"%s"\n' % classpath)
    try:
        return subprocess.run(["java", *flags, "-Dlog4j2.level=WARN", "@" + argfile.name, PODIUM_CLASS, *args,
                               "--dry-run"], capture_output=True, text=True, timeout=300)
    finally:
        os.unlink(argfile.name)


def podium_args_of_command(command: list[str], jar: str) -> list[str]:
    """The application arguments of a spark-submit command line: what follows the jar."""
    return command[command.index(jar) + 1:]


class DagFileTest(unittest.TestCase):

    def test_compiles_with_plain_python(self):
        with tempfile.TemporaryDirectory() as tmp:
            py_compile.compile(DAG_FILE, cfile=os.path.join(tmp, "dag.pyc"), doraise=True)

    def test_pipeline_reader_agrees_with_pyyaml_when_it_is_installed(self):
        steps = read_pipeline()
        self.assertEqual([s["name"] for s in steps], ["ingest", "claim", "evaluate", "score", "snapshot"],
                         "conf/pipeline.yaml changed its steps: this is fine, update this expectation")
        try:
            import yaml
        except ImportError:
            self.skipTest("PyYAML is not installed here (the hand-written reader is used)")
        with open(PIPELINE, encoding="utf-8") as f:
            self.assertEqual(yaml.safe_load(f)["steps"], steps)


class DagAstTest(unittest.TestCase):
    """The DAG file as source: what a reviewer checks by eye."""

    @classmethod
    def setUpClass(cls):
        with open(DAG_FILE, encoding="utf-8") as f:
            cls.tree = ast.parse(f.read(), DAG_FILE)
        cls.constants = {}
        for node in cls.tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        cls.constants[target.id] = node.value.value

    def value(self, node):
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name) and node.id in self.constants:
            return self.constants[node.id]
        self.fail(f"line {node.lineno}: expected a constant, got {ast.dump(node)}")

    def spark_calls(self):
        """(kind, call) of every SparkSubmitOperator(...) and SparkSubmitOperator.partial(...)."""
        found = []
        for node in ast.walk(self.tree):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            if isinstance(f, ast.Name) and f.id == "SparkSubmitOperator":
                found.append(("call", node))
            elif (isinstance(f, ast.Attribute) and f.attr == "partial" and isinstance(f.value, ast.Name)
                  and f.value.id == "SparkSubmitOperator"):
                found.append(("partial", node))
        return found

    def test_every_spark_task_runs_the_podium_main_class(self):
        calls = self.spark_calls()
        self.assertEqual(sorted(k for k, _ in calls), ["call", "partial"], calls)
        for kind, call in calls:
            kw = {k.arg: k.value for k in call.keywords}
            for name in ("task_id", "conn_id", "application", "java_class", "properties_file"):
                self.assertIn(name, kw, f"SparkSubmitOperator {kind} at line {call.lineno} lacks {name}")
            self.assertEqual(self.value(kw["java_class"]), PODIUM_CLASS, f"line {call.lineno}")
            if kind == "partial":
                self.assertIn("pool", kw, "the mapped evaluations must run in the GPU pool")

    def test_the_mapped_task_expands_over_application_args(self):
        expands = [n for n in ast.walk(self.tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                   and n.func.attr == "expand" and isinstance(n.func.value, ast.Call)
                   and isinstance(n.func.value.func, ast.Attribute) and n.func.value.func.attr == "partial"]
        self.assertEqual(len(expands), 1)
        self.assertEqual([k.arg for k in expands[0].keywords], ["application_args"])

    def test_the_claim_task_submits_through_spark_submit_hook(self):
        claims = [n for n in ast.walk(self.tree) if isinstance(n, ast.FunctionDef) and any(
            isinstance(d, ast.Call) and getattr(d.func, "id", None) == "task"
            and any(k.arg == "task_id" and isinstance(k.value, ast.Constant) and k.value.value == "claim"
                    for k in d.keywords) for d in n.decorator_list)]
        self.assertEqual(len(claims), 1, "one @task(task_id='claim')")
        used = {n.id for n in ast.walk(claims[0]) if isinstance(n, ast.Name)}
        self.assertTrue({"SparkSubmitHook", "PODIUM_CLASS", "read_claimed", "podium_args"} <= used, used)
        imported = {alias.name for n in ast.walk(self.tree) if isinstance(n, (ast.Import, ast.ImportFrom))
                    for alias in n.names}
        self.assertNotIn("subprocess", imported, "Spark is submitted through the provider, not a subprocess")

    def test_nothing_reads_airflow_variables_when_the_dag_is_parsed(self):
        names = {n.id for n in ast.walk(self.tree) if isinstance(n, ast.Name)}
        self.assertNotIn("Variable", names, "Variables are read in templates (var.value) when a task runs")

    def test_start_date_is_timezone_aware(self):
        dag = next(n for n in ast.walk(self.tree) if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "DAG")
        start = next(k.value for k in dag.keywords if k.arg == "start_date")
        self.assertEqual(ast.unparse(start.func), "pendulum.datetime", ast.unparse(start))
        self.assertIn("tz", {k.arg for k in start.keywords}, ast.unparse(start))

    def test_the_main_class_is_in_the_built_jar(self):
        jar_or_skip(self)
        with zipfile.ZipFile(JAR) as jar:
            self.assertIn(PODIUM_CLASS.replace(".", "/") + ".class", jar.namelist())


class DagStructureTest(unittest.TestCase):
    """The DAG as Airflow would build it, on stand-ins."""

    @classmethod
    def setUpClass(cls):
        cls.module, cls.dag = load_dag()
        cls.steps = read_pipeline()

    def test_one_task_per_pipeline_step_in_order_chained(self):
        self.assertEqual([t.task_id for t in self.dag.tasks], [s["name"] for s in self.steps])
        for before, after in zip(self.dag.tasks, self.dag.tasks[1:]):
            self.assertEqual(after.upstream, [before], f"{after.task_id} must run after {before.task_id} only")
        self.assertEqual(self.dag.tasks[0].upstream, [])

    def test_spark_tasks_run_their_steps_command(self):
        for step, t in zip(self.steps, self.dag.tasks):
            if step["command"] == "claim":
                self.assertEqual(t.kind, "python")
                continue
            self.assertEqual(t.kwargs["java_class"], PODIUM_CLASS)
            self.assertEqual(t.kwargs["conn_id"], "spark_default")
            self.assertEqual(t.kwargs["application"], os.path.join(ROOT, "jobs", "target", "podium-jobs.jar"))
            conf = "cluster-gpu.conf" if step["command"] == "evaluate" else "cluster-cpu.conf"
            self.assertEqual(t.kwargs["properties_file"], os.path.join(ROOT, "conf", "spark", conf))
            self.assertTrue(os.path.isfile(t.kwargs["properties_file"]), t.kwargs["properties_file"])
            if step.get("per_submission"):
                self.assertEqual(t.kind, "spark-mapped")
                self.assertEqual(t.kwargs["pool"], "podium_gpu")
            else:
                self.assertEqual(t.kind, "spark")
                args = [render(a) for a in t.kwargs["application_args"]]
                expected = [step["command"], *[a.replace("{source}", PLACEHOLDERS["source"]) for a in step["args"]],
                            "--warehouse", PLACEHOLDERS["warehouse"]]
                self.assertEqual(args, expected)

    def test_scoring_waits_for_every_evaluation_failed_or_not(self):
        names = [s["name"] for s in self.steps]
        mapped = next(i for i, s in enumerate(self.steps) if s.get("per_submission"))
        after = self.dag.tasks[mapped + 1]
        self.assertEqual(after.kwargs.get("trigger_rule"), "all_done", names[mapped + 1])

    def test_schedule_catchup_retries_timeouts_and_docs(self):
        kw = self.dag.kwargs
        self.assertEqual(self.dag.dag_id, "podium_leaderboard")
        self.assertEqual(kw["schedule"], "@daily")
        self.assertIs(kw["catchup"], False)
        self.assertGreaterEqual(kw["default_args"]["retries"], 1)
        self.assertIn("retry_delay", kw["default_args"])
        self.assertEqual(kw["default_args"]["execution_timeout"], datetime.timedelta(hours=2))
        self.assertTrue(kw["doc_md"].strip())
        self.assertTrue(kw["tags"])
        self.assertEqual(kw["params"], {"source": "", "warehouse": ""})
        start = kw["start_date"]
        self.assertIsNotNone(start.tzinfo, "a naive start_date is read in the scheduler's default timezone")
        self.assertEqual(start.utcoffset(), datetime.timedelta(0))
        evaluate = next(t for t in self.dag.tasks if t.kind == "spark-mapped")
        self.assertEqual(evaluate.kwargs["execution_timeout"], datetime.timedelta(hours=24))

    def test_run_settings_come_from_params_then_variables_then_defaults(self):
        snapshot = self.dag.tasks[-1]
        warehouse = snapshot.kwargs["application_args"][-1]
        self.assertEqual(render(warehouse, params={"source": "", "warehouse": "s3a://p/w"},
                                variables={"podium_warehouse": "s3a://v/w"}), "s3a://p/w")
        self.assertEqual(render(warehouse, params={"source": "", "warehouse": ""},
                                variables={"podium_warehouse": "s3a://v/w"}), "s3a://v/w")
        self.assertEqual(render(warehouse, params={"source": "", "warehouse": ""}), "s3a://podium/warehouse")
        hook, _ = run_claim(self.module, self.dag, params={"source": "", "warehouse": ""},
                            variables={"podium_warehouse": "s3a://v/w", "podium_source": "s3a://v/s"})
        args = hook.kwargs["application_args"]
        self.assertEqual(args[args.index("--warehouse") + 1], "s3a://v/w")

    def test_environment_configures_the_deployment(self):
        module, dag = load_dag({"PODIUM_SCHEDULE": "0 3 * * *", "PODIUM_SPARK_CONN_ID": "spark_yarn",
                                "PODIUM_GPU_POOL": "gpus", "PODIUM_JAR": "/opt/podium/podium-jobs.jar",
                                "PODIUM_SPARK_CONF_DIR": "/opt/podium/spark-conf",
                                "PODIUM_EVALUATE_TIMEOUT_HOURS": "72"})
        self.assertEqual(dag.kwargs["schedule"], "0 3 * * *")
        evaluate = next(t for t in dag.tasks if t.kind == "spark-mapped")
        self.assertEqual(evaluate.kwargs["pool"], "gpus")
        self.assertEqual(evaluate.kwargs["properties_file"], "/opt/podium/spark-conf/cluster-gpu.conf")
        self.assertEqual(evaluate.kwargs["execution_timeout"], datetime.timedelta(hours=72))
        for t in dag.tasks:
            if t.kind != "python":
                self.assertEqual(t.kwargs["conn_id"], "spark_yarn")
                self.assertEqual(t.kwargs["application"], "/opt/podium/podium-jobs.jar")
        hook, _ = run_claim(module, dag)
        self.assertEqual(hook.kwargs["conn_id"], "spark_yarn")
        self.assertEqual(hook.application, "/opt/podium/podium-jobs.jar")

    def test_claim_returns_an_evaluate_command_line_per_claimed_key(self):
        hook, result = run_claim(self.module, self.dag)
        self.assertEqual(hook.kwargs["java_class"], PODIUM_CLASS)
        self.assertEqual(hook.kwargs["conn_id"], "spark_default")
        self.assertEqual(hook.application, self.module.JAR)
        self.assertTrue(hook.kwargs["properties_file"].endswith("cluster-cpu.conf"))
        claim_step = next(s for s in self.steps if s["command"] == "claim")
        args = hook.kwargs["application_args"]
        self.assertEqual(args[:-2], ["claim", *[a.replace("{claim_id}", RUN_ID) for a in claim_step["args"]],
                                     "--warehouse", PLACEHOLDERS["warehouse"]])
        self.assertEqual(args[-2], "--keys-file")
        self.assertFalse(os.path.exists(args[-1]), "the keys file is removed after reading")
        self.assertEqual(args[args.index("--claim-id") + 1], RUN_ID, "the claim of a DAG run is its run_id")
        step = next(s for s in self.steps if s.get("per_submission"))
        self.assertEqual(result, [[step["command"], *[a.replace("{model_key}", k).replace("{claim_id}", RUN_ID)
                                                      for a in step["args"]],
                                   "--warehouse", PLACEHOLDERS["warehouse"]] for k in CLAIMED])
        for line in result:
            self.assertEqual(line[line.index("--claim-id") + 1], RUN_ID, line)

    def test_mapped_evaluations_are_named_by_their_model_key(self):
        _, result = run_claim(self.module, self.dag)
        evaluate = next(t for t in self.dag.tasks if t.kind == "spark-mapped")
        template = evaluate.kwargs["map_index_template"]
        names = [render(template, task=types.SimpleNamespace(application_args=line)) for line in result]
        self.assertEqual(names, CLAIMED)

    def test_a_claim_whose_driver_wrote_nothing_says_why(self):
        reader = self.module.read_claimed
        with tempfile.TemporaryDirectory() as tmp:
            with self.assertRaisesRegex(RuntimeError, "deploy mode is client"):
                reader(os.path.join(tmp, "claimed.json"))
            bad = os.path.join(tmp, "bad.json")
            with open(bad, "w", encoding="utf-8") as f:
                f.write('{"a": 1}')
            with self.assertRaisesRegex(ValueError, "expected a JSON array of model keys"):
                reader(bad)


class DryRunTest(unittest.TestCase):
    """Each Spark task's command line, as the task would run it, is accepted by podium."""

    def test_every_task_command_line_is_accepted_by_its_subcommand(self):
        jar_or_skip(self)
        module, dag = load_dag()
        lines = []  # (task, podium args)
        for t in dag.tasks:
            if t.kind == "spark":
                lines.append((t.task_id, [render(a) for a in t.kwargs["application_args"]]))
            elif t.kind == "python":
                hook, result = run_claim(module, dag)
                lines.append((t.task_id, hook.kwargs["application_args"]))
                mapped = next(m for m in dag.tasks if m.kind == "spark-mapped")
                lines.append((mapped.task_id + "[0]", result[0]))
        self.assertEqual({name for name, _ in lines}, {t.task_id for t in dag.tasks if t.kind != "spark-mapped"}
                         | {t.task_id + "[0]" for t in dag.tasks if t.kind == "spark-mapped"})
        failures = []
        for name, args in lines:
            done = dry_run(args)
            expected = f"dry run: podium {args[0]} arguments are valid"
            ok = done.returncode == 0 and expected in done.stdout
            print(f"  task {name}: podium {' '.join(args)} --dry-run -> exit {done.returncode}"
                  + ("" if ok else " REJECTED"), file=sys.stderr)
            if not ok:
                failures.append(f"task {name}: `podium {' '.join(args)} --dry-run` exited {done.returncode}: "
                                + (done.stderr.strip() or done.stdout.strip())[-600:])
        self.assertFalse(failures, "podium rejected the command line of:\n" + "\n".join(failures))


if __name__ == "__main__":
    unittest.main()
