"""Oracle for Podium's MATH scoring tests: the 2024 harness's MATH scoring, computed with sympy.

Reads JSON lines {"response": ..., "gold": ...} (or {"parse": latex}) on stdin (gold = the boxed answer, not yet
normalized) and writes one JSON line per input: extracted, normalized, goldNormalized,
parse1, parse2 (whether sympy's parse_latex accepts each normalized side), sympy2024
(upstream's rule: the is_equiv verdict alone), fork (the leaderboard fork's rule:
[invalidanswer] scores 0, then string equality, then is_equiv), corrected (the same as fork)
and seconds (how long is_equiv took);
for {"parse": latex} it writes {"parse": whether parse_latex accepts latex}.
Needs sympy and antlr4-python3-runtime; the runtime's version check is bypassed.
"""
import json
import re
import signal
import sys
import time
import warnings

warnings.filterwarnings("ignore")

import sympy  # noqa: E402
import sympy.parsing.latex._parse_latex_antlr as _pla  # noqa: E402
from sympy.parsing.latex.errors import LaTeXParsingError  # noqa: E402

_pla.version = lambda name: "4.11.0"


def parse_latex(s):
    # The ANTLR backend itself: sympy 1.14's parse_latex first runs a matrix-delimiter check
    # that the 2024 versions (1.12, 1.13) did not have.
    return _pla.parse_latex(s)


INVALID = "[invalidanswer]"
SUBS = [("an ", ""), ("a ", ""), (".$", "$"), ("\\$", ""), ("\\ ", ""), (" ", ""),
        ("mbox", "text"), (",\\text{and}", ","), ("\\text{and}", ","),
        ("\\text{m}", "\\text{}")]
REMOVED = ["square", "ways", "integers", "dollars", "mph", "inches", "ft", "hours", "km",
           "units", "\\ldots", "sue", "points", "feet", "minutes", "digits", "cents",
           "degrees", "cm", "gm", "pounds", "meters", "meals", "edges", "students",
           "childrentickets", "multiples", "\\text{s}", "\\text{.}", "\\text{\ns}",
           "\\text{}^2", "\\text{}^3", "\\text{\n}", "\\text{}", "\\mathrm{th}",
           "^\\circ", "^{\\circ}", "\\;", ",\\!", "{,}", '"', "\\dots"]


def extract(text):
    m = re.search(r"Final Answer: The final answer is(.*?). I hope it is correct.",
                  text + "I hope it is correct.")
    return m.group(1).strip() if m else INVALID


def normalize(a):
    a = a.split("=")[-1]
    for x, y in SUBS:
        a = a.replace(x, y)
    for x in REMOVED:
        a = a.replace(x, "")
    a = re.sub(r"(.*?)(\$)(.*?)(\$)(.*)", "$\\3$", a)
    for cmd in ("text", "textbf", "overline"):
        a = re.sub(r"(\\" + cmd + r"\{)(.*?)(\})", "\\2", a)
    a = re.sub(r"(\\boxed\{)(.*)(\})", "\\2", a)
    a = re.sub(r"(frac)([^{])(.)", "frac{\\2}{\\3}", a)
    a = re.sub(r"(sqrt)([^{])", "sqrt{\\2}", a)
    a = a.replace("$", "")
    if a.replace(",", "").isdigit():
        a = a.replace(",", "")
    return a


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


signal.signal(signal.SIGALRM, _alarm)


_PARSED = {}


def parsed(s):
    """parse_latex(s) memoized: (True, expr) or (False, the exception class)."""
    if s not in _PARSED:
        signal.alarm(5)
        try:
            _PARSED[s] = (True, parse_latex(s))
        except Timeout:
            _PARSED[s] = (False, Timeout)
        except Exception as e:  # noqa: BLE001 - any failure is a failed parse here
            _PARSED[s] = (False, type(e))
        finally:
            signal.alarm(0)
    return _PARSED[s]


def try_parse(s):
    return parsed(s)[0]


def is_equiv(x1, x2):
    """The 2024 is_equiv without the string shortcut (parses memoized, same outcomes)."""
    ok1, p1 = parsed(x1)
    ok2, p2 = parsed(x2)
    if not ok1 or not ok2:
        # LaTeXParsingError, SympifyError, TypeError: False; any other exception: False too
        return False
    signal.alarm(5)
    try:
        try:
            diff = p1 - p2
        except TypeError:
            return False
        try:
            return bool(sympy.simplify(diff) == 0)
        except ValueError:
            return None  # the 2024 code falls through and returns None (falsy)
    except Timeout:
        return False
    except Exception:  # noqa: BLE001
        return False
    finally:
        signal.alarm(0)


def main():
    out_stream = sys.stdout
    sys.stdout = sys.stderr  # the ANTLR runtime prints a version warning on stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        rec = json.loads(line)
        if "parse" in rec:  # parse-only request: does parse_latex accept this string?
            out_stream.write(json.dumps({"parse": try_parse(rec["parse"])}) + "\n")
            out_stream.flush()
            continue
        ext = extract(rec["response"])
        ans = normalize(ext)
        gold = normalize(rec["gold"])
        out = {"extracted": ext, "normalized": ans, "goldNormalized": gold,
               "parse1": try_parse(ans), "parse2": try_parse(gold)}
        started = time.monotonic()
        eq = bool(is_equiv(ans, gold))
        out["seconds"] = round(time.monotonic() - started, 3)
        # upstream (July to November 2024): is_equiv alone, "[invalidanswer]" parsed like any
        # answer
        out["sympy2024"] = eq
        # the leaderboard's fork: "[invalidanswer]" scores 0, then equal stripped strings,
        # then is_equiv (its 1 s timeout is not applied here; "seconds" tells how long it took)
        fork = False if ans == INVALID else (ans.strip() == gold.strip() or eq)
        out["fork"] = fork
        out["corrected"] = fork
        out_stream.write(json.dumps(out) + "\n")
        out_stream.flush()


if __name__ == "__main__":
    main()
