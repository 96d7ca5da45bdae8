"""A Hugging Face chat template rendered as transformers renders it, without transformers.

Mirrors transformers 4.45's ``PreTrainedTokenizerBase.apply_chat_template(conversation,
tokenize=False, add_generation_prompt=True)`` and ``_compile_jinja_template``
(src/transformers/tokenization_utils_base.py, src/transformers/utils/chat_template_utils.py):
an ``ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)`` with the
``loopcontrols`` extension, the globals ``raise_exception`` (raises ``TemplateError``) and
``strftime_now``, transformers' own ``tojson`` filter, and the render variables ``messages``,
``tools``, ``documents``, ``add_generation_prompt`` and the tokenizer's special tokens as
strings. ``PODIUM_CHAT_DATE`` (a ``strftime`` result such as ``26 Jul 2024``) fixes what
``strftime_now`` returns, so that a render can be compared across machines and days.
"""

import json
import os
from datetime import datetime

import jinja2
import jinja2.ext
from jinja2.sandbox import ImmutableSandboxedEnvironment

SPECIAL_TOKENS = ["bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token"]


def _token(value):
    if isinstance(value, dict):
        return value.get("content")
    return value


class ChatTemplate:
    def __init__(self, source, special_tokens):
        self.source = source
        self.special_tokens = special_tokens
        env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
                                            extensions=[jinja2.ext.loopcontrols])

        def raise_exception(message):
            raise jinja2.exceptions.TemplateError(message)

        def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
            return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators,
                              sort_keys=sort_keys)

        def strftime_now(fmt):
            fixed = os.environ.get("PODIUM_CHAT_DATE")
            return fixed if fixed else datetime.now().strftime(fmt)

        env.filters["tojson"] = tojson
        env.globals["raise_exception"] = raise_exception
        env.globals["strftime_now"] = strftime_now
        self.compiled = env.from_string(source)

    @staticmethod
    def from_tokenizer_config(text):
        config = json.loads(text)
        template = config["chat_template"]
        if isinstance(template, list):
            template = {t["name"]: t["template"] for t in template}["default"]
        tokens = {k: _token(config[k]) for k in SPECIAL_TOKENS if _token(config.get(k)) is not None}
        return ChatTemplate(template, tokens)

    def render(self, messages, add_generation_prompt=True):
        return self.compiled.render(messages=messages, tools=None, documents=None,
                                    add_generation_prompt=add_generation_prompt, **self.special_tokens)
