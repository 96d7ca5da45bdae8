"""Renders chat templates with Python jinja2 exactly as transformers does, for ChatTemplateAgreementTest.

Mirrors transformers v4.45.2 src/transformers/utils/chat_template_utils.py (_compile_jinja_template)
and tokenization_utils_base.py (apply_chat_template): ImmutableSandboxedEnvironment(trim_blocks=True,
lstrip_blocks=True, extensions=[jinja2.ext.loopcontrols]), the tojson filter, the raise_exception and
strftime_now globals, and render(messages=..., tools=None, documents=None, add_generation_prompt=...,
**special_tokens_map). strftime_now reads PODIUM_CHAT_DATE (ISO yyyy-mm-dd) when set, so both sides
agree on "now".

stdin: {"templates": {name: {"chat_template": ..., "<x>_token": ...}}, "cases": [{"template": name,
"messages": [...], "add_generation_prompt": bool}]}
stdout: {"renders": [{"ok": str} | {"raised": str} | {"error": str}]}
"""
import json
import os
import sys
from datetime import datetime

import jinja2
import jinja2.ext
from jinja2.exceptions import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

SPECIAL = ["bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token"]


class Raised(TemplateError):
    pass


def raise_exception(message):
    raise Raised(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def strftime_now(format):
    fixed = os.environ.get("PODIUM_CHAT_DATE")
    now = datetime.fromisoformat(fixed) if fixed else datetime.now()
    return now.strftime(format)


def compile_template(text):
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
                                        extensions=[jinja2.ext.loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    return env.from_string(text)


def main():
    request = json.load(sys.stdin)
    compiled = {}
    tokens = {}
    for name, cfg in request["templates"].items():
        compiled[name] = compile_template(cfg["chat_template"])
        tokens[name] = {k: cfg[k] for k in SPECIAL if cfg.get(k) is not None}
    out = []
    for case in request["cases"]:
        try:
            text = compiled[case["template"]].render(
                messages=case["messages"], tools=None, documents=None,
                add_generation_prompt=case["add_generation_prompt"], **tokens[case["template"]])
            out.append({"ok": text})
        except Raised as e:
            out.append({"raised": str(e)})
        except Exception as e:  # noqa: BLE001 - reported to the Java side
            out.append({"error": type(e).__name__ + ": " + str(e)})
    json.dump({"renders": out}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
