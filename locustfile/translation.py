"""Files and folders into one scenario: parsing, unique class names across files, positions of
the parts by JSON pointer, errors in file order; and the scenario's pretty JSON text."""
import ast
import json
import os

from classes import ModuleTranslator
from values import Module, Translator, Untranslatable


def translate_file(tr, path, display):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        tr.errors.append((display, 0, 0, "%s: cannot read: %s" % (display, getattr(e, "strerror", None) or e)))
        return []
    if path.endswith(".json"):
        try:
            doc = json.loads(text)
        except ValueError as e:
            tr.errors.append((display, 0, 0, "%s: invalid JSON: %s" % (display, e)))
            return []
        users = doc.get("users", []) if isinstance(doc, dict) else []
        for u in users:
            tr.place(u, Module(ast.Module(body=[], type_ignores=[]), display), None)
        return users
    try:
        tree = ast.parse(text, filename=display)
    except SyntaxError as e:
        tr.errors.append((display, e.lineno or 1, e.offset or 1, "%s:%d:%d: invalid Python: %s" % (
            display, e.lineno or 1, e.offset or 1, e.msg)))
        return []
    except (ValueError, RecursionError, MemoryError) as e:
        tr.errors.append((display, 1, 1, "%s:1:1: invalid Python: %s" % (display, e)))
        return []
    try:
        module = Module(tree, display)
        return ModuleTranslator(tr, module).translate()
    except Untranslatable as e:
        tr.errors.append((display, e.line, e.col, "%s:%d:%d: %s" % (display, e.line, e.col, e.message)))
        return []
    except RecursionError:
        tr.errors.append((display, 1, 1, "%s:1:1: the file is nested too deeply to translate" % display))
        return []
    except Exception as e:  # a gap in the translator: an error, never a traceback
        tr.errors.append((display, 1, 1, "%s:1:1: internal error of the translator (%s: %s), please report it"
                          % (display, type(e).__name__, e)))
        return []


def expand(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if name.endswith((".py", ".json")) and not name.startswith(("_", ".")):
                    files.append(os.path.join(p, name))
        else:
            files.append(p)
    return files


def translate(paths, partial=False):
    """(scenario, positions by JSON pointer, errors, warnings)."""
    tr = Translator(partial)
    users, seen = [], {}
    files = expand(paths)
    for path in files:
        for u in translate_file(tr, path, path):
            name = u.get("name") if isinstance(u, dict) else None
            if name in seen:
                tr.errors.append((path, 0, 0, "%s: user class %s is defined in %s too: class names must be unique" % (
                    tr.positions.get(id(u), path), name, seen[name])))
                continue
            seen[name] = path
            users.append(u)
    if not users and not tr.errors:
        tr.errors.append(("", 0, 0, "%s:1:1: no user class found (a subclass of HttpUser or FastHttpUser)" %
                          ", ".join(files or paths)))
    scenario = {"description": "Translated from %s by hornet convert" % ", ".join(
        os.path.basename(p.rstrip("/")) for p in paths), "users": users}
    positions = {}

    def walk(obj, ptr):
        if id(obj) in tr.positions:
            positions[ptr] = tr.positions[id(obj)]
        if isinstance(obj, dict):
            for k, v in obj.items():
                walk(v, ptr + "/" + k.replace("~", "~0").replace("/", "~1"))
        elif isinstance(obj, list):
            for i, v in enumerate(obj):
                walk(v, "%s/%d" % (ptr, i))

    walk(scenario, "")
    errors = [e[3] for e in sorted(tr.errors, key=lambda e: (files.index(e[0]) if e[0] in files else 0, e[1], e[2]))]
    return scenario, positions, errors, tr.warnings


def dumps(value, indent=""):
    """Pretty JSON whose arrays of plain values stay on one line ({"between": [1, 3]})."""
    inner = indent + "  "
    if isinstance(value, dict) and value:
        items = ["%s%s: %s" % (inner, json.dumps(k, ensure_ascii=False), dumps(v, inner)) for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and value:
        if all(not isinstance(v, (dict, list)) for v in value):
            return json.dumps(value, ensure_ascii=False)
        return "[\n" + ",\n".join(inner + dumps(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False)
