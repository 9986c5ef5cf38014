"""Schemathesis hooks for Komek's API fuzzing (.ci/schemathesis loads them).

Random text rarely holds a control character, and a body must pass every other check before
its text reaches the database, so three bodies in four get a control or invisible character put
into each of their free-text strings (lookup codes, ids and dates are left as they are): the inputs
that once broke storage on PostgreSQL. Hypothesis draws the choices, so a failure still
shrinks and replays from its seed.
"""

import copy
import re

import schemathesis
from hypothesis import strategies as st

# Lookup codes (`wages-unpaid`, `UZ`), ids and dates, which a changed character only gets refused.
CODE_LIKE = re.compile(r"[a-z0-9+-]*|[A-Z]{2,3}|[0-9a-f-]{36}|[0-9:T+.-]*")
TROUBLE = st.sampled_from(["\x00", "\x01", "\x08", "\x1b", "\x7f", "\u200b", "\u202e", "\ufeff"])


def string_paths(value, path=()):
    if isinstance(value, str):
        if not CODE_LIKE.fullmatch(value):
            yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from string_paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from string_paths(item, path + (index,))


def with_text(value, path, text):
    if not path:
        return text
    value = copy.copy(value)
    value[path[0]] = with_text(value[path[0]], path[1:], text)
    return value


def lookup(value, path):
    for step in path:
        value = value[step]
    return value


@schemathesis.hook
def flatmap_body(context, body):
    paths = list(string_paths(body))
    if not paths:
        return st.just(body)

    @st.composite
    def troubled(draw):
        if draw(st.integers(0, 3)) == 0:
            return body
        changed = body
        for path in paths:
            text = lookup(changed, path)
            at = draw(st.integers(0, len(text)))
            changed = with_text(changed, path, text[:at] + draw(TROUBLE) + text[at:])
        return changed

    return troubled()
