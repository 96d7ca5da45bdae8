#!/usr/bin/env python3
"""The requests the leaderboard's harness fork sends, computed by the fork's own code.

Runs the Hugging Face fork of lm-evaluation-harness (branch ``adding_all_changess``, fca2dc43)
as the Open LLM Leaderboard v2 ran it: its YAML loader (``lm_eval.utils.load_yaml_config``),
``ConfigurableTask`` (``__init__``, ``build_all_requests``, ``fewshot_context``,
``construct_requests``) and samplers, on documents that Podium ingested. Only what the fork
imports but prompt building never calls (``datasets``' download, ``evaluate``, ``sacrebleu``,
``tqdm``, ...) is replaced by small stand-ins; the dataset is handed over in memory.

With ``--chat-template tokenizer_config.json`` the contexts go through the chat template as
``HFLM.apply_chat_template`` applies it (lm_eval/models/huggingface.py:1420-1437: on a Jinja
``TemplateError`` the system turns are dropped and the template applied again), with the
template rendered as transformers' ``apply_chat_template(..., tokenize=False,
add_generation_prompt=True)`` renders it (``chat_template_render.py`` beside this file), and
``--apply_chat_template --fewshot_as_multiturn`` as the leaderboard ran instruct models.

Podium's own code is not used here: the output is the reference that ``bin/podium requests``
is compared with (``compare_requests.py``).

Usage:
  fork_requests.py --fork DIR --docs docs.jsonl [--fewshot fewshot.jsonl]
                   [--chat-template tokenizer_config.json] > fork.jsonl

``--fork`` is a checkout of the fork at ``adding_all_changess`` (its ``lm_eval`` folder).
``docs.jsonl``: one line per document, ``{"benchmark", "subtask", "task", "doc_id", "doc"}``
(``doc`` as Podium stores it in ``benchmark_docs``, a JSON string), e.g. from
``bin/podium sql -f tools/fork-reference/docs.sql --format json``. ``fewshot.jsonl``: the
few-shot split of tasks that read one (MMLU-Pro's validation split), same shape.
Output: one line per request, ``{"benchmark", "subtask", "task", "doc_id", "request_index",
"request_type", "context", "continuation", "until", "max_gen_toks"}``.
"""

import argparse
import importlib.util
import json
import os
import random
import sys
import types


def install_stand_ins():
    """Modules the fork imports at load time but that prompt building does not use."""

    class Dataset:
        """What ConfigurableTask reads of a datasets.Dataset: rows, features, map."""

        def __init__(self, rows):
            self.rows = list(rows)
            self.features = {k: None for k in (self.rows[0] if self.rows else {})}

        def map(self, fn):
            return Dataset([fn(dict(r)) for r in self.rows])

        def __len__(self):
            return len(self.rows)

        def __iter__(self):
            return iter(self.rows)

        def __getitem__(self, i):
            return self.rows[i]

    datasets = types.ModuleType("datasets")
    datasets.Dataset = Dataset
    datasets.DatasetDict = dict
    datasets.DownloadMode = object
    datasets.load_dataset = lambda **kw: STAND_IN_SPLITS[(kw.get("path"), kw.get("name"))]
    sys.modules["datasets"] = datasets

    tqdm = types.ModuleType("tqdm")
    tqdm.tqdm = lambda it=None, **kw: it
    sys.modules["tqdm"] = tqdm
    for name in ["evaluate", "sacrebleu", "sklearn", "sklearn.metrics", "dill", "sqlitedict", "transformers",
                 "langdetect", "nltk", "immutabledict"]:
        module = types.ModuleType(name)
        module.__getattr__ = lambda attr: Anything()
        sys.modules[name] = module
    sys.modules["sqlitedict"].SqliteDict = object
    sys.modules["transformers"].AutoModelForCausalLM = object
    sys.modules["transformers"].AutoModelForSeq2SeqLM = object


class Anything:
    """Stands in for any attribute or call of a module prompt building never uses."""

    def __getattr__(self, attr):
        return Anything()

    def __call__(self, *args, **kwargs):
        return Anything()


STAND_IN_SPLITS = {}


def load_fork(fork):
    """Imports lm_eval's api modules without running lm_eval/__init__.py (it imports the evaluator)."""
    package = types.ModuleType("lm_eval")
    package.__path__ = [os.path.join(fork, "lm_eval")]
    sys.modules["lm_eval"] = package
    import lm_eval.api.metrics  # noqa: F401  (registers the metrics the task configs name)
    import lm_eval.api.task as task
    import lm_eval.utils as utils

    return task, utils


def task_yaml_files(fork):
    root = os.path.join(fork, "lm_eval", "tasks", "leaderboard")
    for folder, _, files in sorted(os.walk(root)):
        for f in sorted(files):
            if f.endswith(".yaml"):
                yield os.path.join(folder, f)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fork", required=True)
    parser.add_argument("--docs", required=True)
    parser.add_argument("--fewshot")
    parser.add_argument("--chat-template")
    args = parser.parse_args()

    install_stand_ins()
    task_module, utils = load_fork(args.fork)

    docs_by_task = {}
    for line in open(args.docs, encoding="utf-8"):
        r = json.loads(line)
        docs_by_task.setdefault(r["task"], []).append(r)
    fewshot_by_task = {}
    if args.fewshot:
        for line in open(args.fewshot, encoding="utf-8"):
            r = json.loads(line)
            fewshot_by_task.setdefault(r["task"], []).append(json.loads(r["doc"]))

    chat = None
    if args.chat_template:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from chat_template_render import ChatTemplate

        template = ChatTemplate.from_tokenizer_config(open(args.chat_template, encoding="utf-8").read())

        def chat(chat_history):
            # lm_eval/models/huggingface.py:1420-1437, HFLM.apply_chat_template
            import jinja2

            try:
                return template.render(chat_history, add_generation_prompt=True)
            except jinja2.exceptions.TemplateError:
                chat_history = [m for m in chat_history if m["role"] != "system"]
                return template.render(chat_history, add_generation_prompt=True)

    out = sys.stdout
    for path in task_yaml_files(args.fork):
        config = utils.load_yaml_config(yaml_path=path, mode="full")
        name = config.get("task")
        if not isinstance(name, str) or name not in docs_by_task:
            continue
        rows = sorted(docs_by_task[name], key=lambda r: r["doc_id"])
        docs = [hf_form(name, json.loads(r["doc"])) for r in rows]
        # Podium's doc is the document after process_docs; the fork would process it again.
        config["process_docs"] = None
        splits = {}
        test_split = config.get("test_split") or config.get("validation_split")
        splits[test_split] = STAND_IN_DATASET(docs)
        if config.get("fewshot_split"):
            splits[config["fewshot_split"]] = STAND_IN_DATASET(fewshot_by_task.get(name, []))
        if config.get("training_split") and config["training_split"] not in splits:
            splits[config["training_split"]] = STAND_IN_DATASET(docs)
        STAND_IN_SPLITS[(config.get("dataset_path"), config.get("dataset_name"))] = splits
        if config.get("fewshot_split") and not fewshot_by_task.get(name):
            print(f"skipping {name}: its few-shot split {config['fewshot_split']} was not given", file=sys.stderr)
            continue

        task = task_module.ConfigurableTask(config=config)
        task.set_fewshot_seed(seed=1234)  # the evaluator's default fewshot_random_seed; first_n ignores it
        task.build_all_requests(
            apply_chat_template=chat is not None,
            fewshot_as_multiturn=chat is not None,
            chat_template=chat,
        )
        for inst in task.instances:
            _, doc_index, _ = inst.metadata
            context, second = inst.arguments
            record = {
                "benchmark": rows[doc_index]["benchmark"],
                "subtask": rows[doc_index]["subtask"],
                "task": name,
                "doc_id": rows[doc_index]["doc_id"],
                "request_index": inst.idx,
                "request_type": inst.request_type,
                "context": context,
            }
            if inst.request_type == "generate_until":
                record.update(continuation=None, until=list(second.get("until", [])),
                              max_gen_toks=second.get("max_gen_toks"))
            else:
                record.update(continuation=second, until=[], max_gen_toks=None)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def hf_form(task, doc):
    """A Podium document in the form the fork's dataset holds it: TAUR-Lab/MuSR stores
    ``choices`` as the text of a Python list, which lm_eval/tasks/leaderboard/musr/utils.py
    reads back with ``ast.literal_eval``; Podium stores the list itself."""
    if task.startswith("leaderboard_musr") and isinstance(doc.get("choices"), list):
        # The viewer samples have no answer_choice (the fork's target); TAUR-Lab/MuSR has it.
        answer = doc.get("answer_choice", doc["choices"][doc["answer_index"]])
        doc = dict(doc, choices=str(doc["choices"]), answer_choice=answer)
    return doc


def STAND_IN_DATASET(rows):
    return sys.modules["datasets"].Dataset(rows)


if __name__ == "__main__":
    random.seed(0)
    main()
