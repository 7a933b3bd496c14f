#!/usr/bin/env python3
"""Translate a locustfile into Hornet's JSON scenario model (docs/scenarios.md).

Hornet embeds this file and runs it with `python3` (`hornet -f locustfile.py`, `hornet convert`).
It reads the Python source with the standard library's `ast` only and never imports or runs it:
the locustfile's imports (locust, requests, ...) need not be installed, and nothing in it runs.
What the JSON model cannot express exactly is an error with the file, line and column, never a
silently different test (docs/locustfiles.md lists the subset).

Usage: translator.py [--partial] [--positions FILE] FILE_OR_FOLDER...
  stdout: the scenario; FILE (with --positions): {JSON pointer: "file:line:column"}
  stderr: one line per error or warning; exit status 1 when there were errors.
"""
import ast
import json
import os
import string
import sys

HINT = " \u2014 write this task in C++ (docs/cpp-api.md) or JSON"
METHODS = ("get", "post", "put", "patch", "delete", "head", "options")
HTTP_BASES = {"HttpUser", "FastHttpUser", "HttpLocust"}
TASKSET_BASES = {"TaskSet": False, "SequentialTaskSet": True}
WAITS = {"between": 2, "constant": 1, "constant_pacing": 1, "constant_throughput": 1}
IGNORED_CALLS = {"print", "logging.info", "logging.debug", "logging.warning", "logging.error", "logger.info",
                 "logger.debug", "logger.warning", "logger.error", "log.info", "log.debug"}


class Untranslatable(Exception):
    """A construct outside the supported subset, at a node's position."""

    def __init__(self, node, message):
        super().__init__(message)
        self.line = getattr(node, "lineno", 1)
        self.col = getattr(node, "col_offset", 0) + 1
        self.message = message


def dotted(node):
    """`a.b.c` for Name/Attribute chains, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def literal_text(s):
    """A Python string as template text: a literal `{{` is written `{{{{`."""
    return s.replace("{{", "{{{{")


def number_text(v):
    if isinstance(v, bool):
        return "True" if v else "False"
    return repr(v)


class Expr:
    """A translated value: literal Python data, or template text (`typed` for {{json:...}})."""

    def __init__(self, literal=None, template=None, typed=None):
        self.literal = literal  # Python value when known at translation time
        self.template = template  # text with {{...}} placeholders
        self.typed = typed  # placeholder body usable as {{json:...}}

    @staticmethod
    def lit(v):
        return Expr(literal=v)

    def is_literal(self):
        return self.template is None

    def text(self, node):
        if self.is_literal():
            v = self.literal
            if isinstance(v, str):
                return literal_text(v)
            if isinstance(v, (int, float)):
                return number_text(v)
            if v is None:
                return "None"
            raise Untranslatable(node, "a %s cannot be used as text" % type(v).__name__)
        return self.template


class Scope:
    """Names visible while translating one method: module constants, helper arguments, locals."""

    def __init__(self, module, user, locals_=None):
        self.module = module
        self.user = user
        self.locals = dict(locals_ or {})


class Module:
    def __init__(self, tree, filename):
        self.filename = filename
        self.constants = {}
        self.functions = {}
        self.classes = {}
        self.order = []
        self.aliases = {}  # from locust import between as b: {"b": "between"}
        for node in tree.body:
            if isinstance(node, ast.ImportFrom):
                for a in node.names:
                    if a.asname:
                        self.aliases[a.asname] = a.name
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                self.constants[node.targets[0].id] = node.value
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
                self.constants[node.target.id] = node.value
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions[node.name] = node
            elif isinstance(node, ast.ClassDef):
                self.classes[node.name] = node
                self.order.append(node)


def class_attrs(cls):
    out = {}
    for node in cls.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            out[node.targets[0].id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            out[node.target.id] = node.value
    return out


def class_methods(cls):
    return {n.name: n for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}


class Translator:
    def __init__(self, partial=False):
        self.partial = partial
        self.errors = []  # (file, line, col, text)
        self.warnings = []
        self.positions = {}  # id(json object) -> "file:line:col"
        self.keep = []  # objects whose id() is a key above stay alive

    # ---- reporting -------------------------------------------------------------------------
    def place(self, obj, module, node):
        self.positions[id(obj)] = "%s:%d:%d" % (module.filename, getattr(node, "lineno", 1),
                                                getattr(node, "col_offset", 0) + 1)
        self.keep.append(obj)
        return obj

    def error(self, module, line, col, where, message, hint=False):
        text = "%s:%d:%d: %s%s%s" % (module.filename, line, col, ("in %s: " % where) if where else "", message,
                                     HINT if hint else "")
        self.errors.append((module.filename, line, col, text))

    def task_failed(self, module, where, exc):
        if self.partial:
            self.warnings.append("%s:%d:%d: warning: in %s: %s; the task is left out (--partial)" %
                                 (module.filename, exc.line, exc.col, where, exc.message))
        else:
            self.error(module, exc.line, exc.col, where, exc.message, hint=True)

    # ---- module-level values ----------------------------------------------------------------
    def value(self, node, scope, depth=0):
        """Translate an expression into an Expr."""
        if depth > 40:
            raise Untranslatable(node, "this expression is nested too deeply")
        d = depth + 1
        if isinstance(node, ast.Constant):
            if isinstance(node.value, (str, int, float, bool)) or node.value is None:
                return Expr.lit(node.value)
            raise Untranslatable(node, "a %s constant cannot be translated" % type(node.value).__name__)
        if isinstance(node, (ast.List, ast.Tuple)):
            items = [self.value(e, scope, d) for e in node.elts]
            return Expr(literal=items)
        if isinstance(node, ast.Dict):
            out = {}
            for k, v in zip(node.keys, node.values):
                if k is None:
                    raise Untranslatable(node, "a ** in a dict cannot be translated")
                key = self.value(k, scope, d)
                if not key.is_literal() or not isinstance(key.literal, (str, int)):
                    raise Untranslatable(k, "a dict key must be a constant string")
                out[str(key.literal)] = self.value(v, scope, d)
            return Expr(literal=out)
        if isinstance(node, ast.JoinedStr):
            parts = []
            for v in node.values:
                if isinstance(v, ast.Constant):
                    parts.append(literal_text(v.value))
                elif isinstance(v, ast.FormattedValue):
                    if v.format_spec is not None:
                        raise Untranslatable(v, "a format spec in an f-string cannot be translated")
                    parts.append(self.value(v.value, scope, d).text(v))
                else:
                    raise Untranslatable(v, "unsupported f-string part")
            return self.concat(parts)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.value(node.left, scope, d), self.value(node.right, scope, d)
            if left.is_literal() and right.is_literal():
                try:
                    return Expr.lit(left.literal + right.literal)
                except TypeError:
                    raise Untranslatable(node, "these values cannot be added")
            return self.concat([left.text(node.left), right.text(node.right)])
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Sub, ast.Mult, ast.Div, ast.FloorDiv)):
            left, right = self.value(node.left, scope, d), self.value(node.right, scope, d)
            if left.is_literal() and right.is_literal() and isinstance(left.literal, (int, float)) \
                    and isinstance(right.literal, (int, float)):
                try:
                    ops = {ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b, ast.Div: lambda a, b: a / b,
                           ast.FloorDiv: lambda a, b: a // b}
                    return Expr.lit(ops[type(node.op)](left.literal, right.literal))
                except (ZeroDivisionError, OverflowError):
                    raise Untranslatable(node, "this arithmetic cannot be computed")
            raise Untranslatable(node, "arithmetic on values known only at run time cannot be translated")
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            v = self.value(node.operand, scope, d)
            if v.is_literal() and isinstance(v.literal, (int, float)):
                return Expr.lit(-v.literal)
            raise Untranslatable(node, "arithmetic on values known only at run time cannot be translated")
        if isinstance(node, ast.Name):
            if node.id in scope.locals:
                uses = getattr(scope.user, "uses", None)
                if uses is not None:
                    uses[node.id] = uses.get(node.id, 0) + 1
                return scope.locals[node.id]
            if node.id in scope.module.constants:
                return self.value(scope.module.constants[node.id], Scope(scope.module, None), d)
            if node.id in ("True", "False", "None"):
                return Expr.lit({"True": True, "False": False, "None": None}[node.id])
            raise Untranslatable(node, "unknown name %r (only module constants, helper arguments and local "
                                 "variables set from translatable values can be used)" % node.id)
        if isinstance(node, ast.Attribute):
            name = dotted(node)
            me = getattr(scope.user, "self_name", "self") + "."
            if name and name.startswith(me) and name.count(".") == 1 and scope.user is not None:
                return scope.user.attribute(node.attr, node, scope, d)
            if name in scope.module.constants:
                return self.value(scope.module.constants[name], Scope(scope.module, None), d)
            raise Untranslatable(node, "%s cannot be translated" % (name or "this attribute"))
        if isinstance(node, ast.Subscript):
            name = dotted(node.value)
            key = node.slice
            if name == "os.environ":
                k = self.value(key, scope, d)
                if not k.is_literal() or not isinstance(k.literal, str):
                    raise Untranslatable(node, "os.environ needs a constant name")
                return Expr(template="{{env.%s}}" % k.literal)
            base = self.value(node.value, scope, d)
            k = self.value(key, scope, d)
            if base.is_literal() and k.is_literal():
                try:
                    return base.literal[k.literal]
                except (KeyError, IndexError, TypeError):
                    raise Untranslatable(node, "this index is not in the constant")
            raise Untranslatable(node, "indexing a value known only at run time cannot be translated")
        if isinstance(node, ast.Call):
            return self.call_value(node, scope, d)
        raise Untranslatable(node, "a %s expression cannot be translated" % type(node).__name__)

    def concat(self, parts):
        return Expr(template="".join(parts))

    def call_value(self, node, scope, d):
        fn = dotted(node.func)
        args = node.args
        if fn in ("random.randint", "randint") and len(args) == 2 and not node.keywords:
            a, b = self.value(args[0], scope, d), self.value(args[1], scope, d)
            if not (a.is_literal() and b.is_literal() and isinstance(a.literal, int) and isinstance(b.literal, int)):
                raise Untranslatable(node, "random.randint needs whole-number constants")
            body = "random.int(%d, %d)" % (a.literal, b.literal)
            return Expr(template="{{%s}}" % body, typed=body)
        if fn in ("random.choice", "choice") and len(args) == 1:
            seq = self.value(args[0], scope, d)
            if not seq.is_literal() or not isinstance(seq.literal, list) or not seq.literal:
                raise Untranslatable(node, "random.choice needs a non-empty constant list")
            items = []
            for e in seq.literal:
                v = e.literal if isinstance(e, Expr) and e.is_literal() else None
                if not isinstance(v, (str, int)) or isinstance(v, bool):
                    raise Untranslatable(node, "random.choice needs constant strings or numbers")
                t = str(v)
                if not t or any(c in t for c in ",(){}|") or t != t.strip():
                    raise Untranslatable(node, "random.choice of %r cannot be a template choice (no commas, "
                                         "parentheses, braces or surrounding spaces)" % t)
                items.append(t)
            body = "random.choice(%s)" % ", ".join(items)
            return Expr(template="{{%s}}" % body, typed=body if all(isinstance(
                e.literal, int) for e in seq.literal) else None)
        if fn in ("uuid.uuid4", "uuid4") and not args:
            return Expr(template="{{random.uuid}}")
        if fn in ("os.getenv", "os.environ.get") and 1 <= len(args) <= 2:
            k = self.value(args[0], scope, d)
            if not k.is_literal() or not isinstance(k.literal, str):
                raise Untranslatable(node, "%s needs a constant name" % fn)
            default = ""
            if len(args) == 2:
                dv = self.value(args[1], scope, d)
                if not dv.is_literal() or isinstance(dv.literal, (list, dict)):
                    raise Untranslatable(args[1], "the default of %s must be a constant" % fn)
                default = "" if dv.literal is None else str(dv.literal)
                if "}" in default or "|" in default:
                    raise Untranslatable(args[1], "the default of %s cannot contain } or |" % fn)
            return Expr(template="{{env.%s|%s}}" % (k.literal, default))
        if fn in ("str",) and len(args) == 1:
            v = self.value(args[0], scope, d)
            if v.is_literal():
                if isinstance(v.literal, (list, dict)):
                    raise Untranslatable(node, "str() of a list or dict cannot be translated")
                return Expr.lit(v.literal if isinstance(v.literal, str) else number_text(v.literal)
                                if v.literal is not None else "None")
            return Expr(template=v.template)
        if fn in ("int", "float") and len(args) == 1:
            v = self.value(args[0], scope, d)
            if v.is_literal():
                try:
                    return Expr.lit(int(v.literal) if fn == "int" else float(v.literal))
                except (TypeError, ValueError):
                    raise Untranslatable(node, "%s() of this constant fails" % fn)
            return v
        if isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            return self.format_call(node, scope, d)
        if isinstance(node.func, ast.Attribute) and node.func.attr in ("upper", "lower", "strip") and not args:
            v = self.value(node.func.value, scope, d)
            if v.is_literal() and isinstance(v.literal, str):
                return Expr.lit(getattr(v.literal, node.func.attr)())
            raise Untranslatable(node, ".%s() of a value known only at run time cannot be translated" %
                                 node.func.attr)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "join" and len(args) == 1:
            sep = self.value(node.func.value, scope, d)
            seq = self.value(args[0], scope, d)
            if sep.is_literal() and isinstance(sep.literal, str) and seq.is_literal() and isinstance(seq.literal, list):
                return self.concat([p for i, e in enumerate(seq.literal)
                                    for p in ([literal_text(sep.literal)] if i else []) + [e.text(node)]])
            raise Untranslatable(node, "join over a value known only at run time cannot be translated")
        if isinstance(node.func, ast.Name) and node.func.id in scope.module.functions:
            return self.inline(scope.module.functions[node.func.id], node, scope, d, skip_first=False)
        me = getattr(scope.user, "self_name", "self") + "."
        if fn and fn.startswith(me) and fn.count(".") == 1 and scope.user is not None:
            m = scope.user.method(node.func.attr)
            if m is not None:
                return self.inline(m, node, scope, d, skip_first=True)
        if fn == "random.random":
            raise Untranslatable(node, "random.random() has no template equivalent (use random.randint)")
        raise Untranslatable(node, "the call %s() cannot be translated" % (fn or "to this"))

    def format_call(self, node, scope, d):
        base = self.value(node.func.value, scope, d)
        if not base.is_literal() or not isinstance(base.literal, str):
            raise Untranslatable(node, ".format() needs a constant string")
        pos = [self.value(a, scope, d) for a in node.args]
        kw = {k.arg: self.value(k.value, scope, d) for k in node.keywords if k.arg}
        parts, auto = [], 0
        try:
            fields = list(string.Formatter().parse(base.literal))
        except ValueError as e:
            raise Untranslatable(node, "invalid format string: %s" % e)
        for text, field, spec, conv in fields:
            parts.append(literal_text(text))
            if field is None:
                continue
            if spec or conv:
                raise Untranslatable(node, "a format spec or conversion in .format() cannot be translated")
            if field == "":
                field, auto = str(auto), auto + 1
            if field.isdigit() and int(field) < len(pos):
                parts.append(pos[int(field)].text(node))
            elif field in kw:
                parts.append(kw[field].text(node))
            else:
                raise Untranslatable(node, "the format field {%s} has no value" % field)
        return self.concat(parts)

    def inline(self, fn, call, scope, d, skip_first):
        """A helper that only builds a value: `def path(x): return f"/p/{x}"`."""
        body = [s for s in fn.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
        params = [a.arg for a in fn.args.args][1 if skip_first else 0:]
        if len(body) != 1 or not isinstance(body[0], ast.Return) or body[0].value is None:
            raise Untranslatable(call, "%s() is not a helper that only returns a value built from its arguments"
                                 % fn.name)
        if call.keywords and any(k.arg is None for k in call.keywords):
            raise Untranslatable(call, "** arguments cannot be translated")
        defaults = fn.args.defaults
        bound = {}
        for i, p in enumerate(params):
            if i < len(call.args):
                bound[p] = self.value(call.args[i], scope, d)
            else:
                kw = [k for k in call.keywords if k.arg == p]
                if kw:
                    bound[p] = self.value(kw[0].value, scope, d)
                else:
                    di = i - (len(params) - len(defaults))
                    if di < 0:
                        raise Untranslatable(call, "%s() is missing the argument %r" % (fn.name, p))
                    bound[p] = self.value(defaults[di], Scope(scope.module, None), d)
        if len(call.args) > len(params):
            raise Untranslatable(call, "%s() takes %d arguments" % (fn.name, len(params)))
        inner = Scope(scope.module, scope.user if skip_first else None, bound)
        return self.value(body[0].value, inner, d)

    # ---- JSON-shaped values -------------------------------------------------------------
    def to_json(self, e, node, typed=True):
        """An Expr as a JSON value for `json=` bodies: literals stay typed, run-time numbers use
        the typed template form {{json:...}}."""
        if e.is_literal():
            v = e.literal
            if isinstance(v, list):
                return [self.to_json(x, node, typed) for x in v]
            if isinstance(v, dict):
                return {k: self.to_json(x, node, typed) for k, x in v.items()}
            if isinstance(v, Expr):
                return self.to_json(v, node, typed)
            if isinstance(v, str):
                return literal_text(v)
            if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
                raise Untranslatable(node, "NaN and infinity are not JSON")
            return v
        if typed and e.typed:
            return "{{json:%s}}" % e.typed
        return e.template

    def to_text_map(self, e, node, what):
        if not e.is_literal() or not isinstance(e.literal, dict):
            raise Untranslatable(node, "%s must be a dict written in the locustfile" % what)
        out = {}
        for k, v in e.literal.items():
            if v.is_literal() and isinstance(v.literal, bool):
                out[k] = v.literal if what != "headers" else str(v.literal)
            elif v.is_literal() and isinstance(v.literal, (int, float)) and what != "headers":
                out[k] = v.literal
            else:
                out[k] = v.text(node)
        return out



ALL_STATUSES = set(range(100, 600))
DEFAULT_OK = set(range(100, 400))


class Response:
    """A request step whose response later statements read (`r = self.client.get(...)`)."""

    def __init__(self, step):
        self.step = step


class ClassInfo:
    """A user or TaskSet class with what it inherits from classes of the same file."""

    def __init__(self, module, node, chain):
        self.module = module
        self.node = node
        self.name = node.name
        self.attrs, self.methods = {}, {}
        self.task_methods = []  # (name, weight, tags, node) in declaration order, bases first
        for c in chain:  # base first
            self.attrs.update(class_attrs(c))
            self.methods.update(class_methods(c))
            for n in c.body:
                w = task_weight(n)
                if w is not None:  # base-class tasks stay, overridden or not, as Locust collects them
                    self.task_methods.append((n.name, w, decorator_tags(n), n))
        self.variables = set()
        for m in self.methods.values():
            for n in ast.walk(m):
                targets = n.targets if isinstance(n, ast.Assign) else [n.target] if isinstance(
                    n, (ast.AnnAssign, ast.AugAssign)) else []
                for t in targets:
                    if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self":
                        self.variables.add(t.attr)


def decorator_call(dec):
    return dotted(dec.func if isinstance(dec, ast.Call) else dec), dec


def task_weight(node):
    """The weight of a @task-decorated method or nested class, None when it is no task."""
    for dec in getattr(node, "decorator_list", []):
        name, d = decorator_call(dec)
        if name in ("task", "locust.task"):
            if isinstance(d, ast.Call):
                if d.args and isinstance(d.args[0], ast.Constant) and isinstance(d.args[0].value, int):
                    return d.args[0].value
                if d.args or d.keywords:
                    raise Untranslatable(d, "@task takes a constant whole-number weight")
            return 1
    return None


def decorator_tags(node):
    tags = []
    for dec in getattr(node, "decorator_list", []):
        name, d = decorator_call(dec)
        if name in ("tag", "locust.tag"):
            for a in d.args if isinstance(d, ast.Call) else []:
                if not (isinstance(a, ast.Constant) and isinstance(a.value, str)):
                    raise Untranslatable(a, "@tag takes constant strings")
                tags.append(a.value)
    return tags


class MethodScope(Scope):
    def __init__(self, module, info, self_name="self"):
        super().__init__(module, self)
        self.info = info
        self.self_name = self_name
        self.responses = {}
        self.uses = {}
        self.volatile = {}  # local name -> node of its assignment (a fresh random value)
        self.extracted = set()
        self.session_headers = None
        self.depth = 0

    # Called by Translator.value for self.X
    def attribute(self, name, node, scope, d):
        if name in self.info.variables:
            return Expr(template="{{%s}}" % name, typed=name)
        if name in self.info.attrs:
            return self.translator.value(self.info.attrs[name], Scope(self.module, None), d)
        raise Untranslatable(node, "self.%s is never set in the class" % name)

    def method(self, name):
        return self.info.methods.get(name)


class UserTranslator:
    """Statements of one method into steps; classes into user objects."""

    def __init__(self, tr, module):
        self.tr = tr
        self.module = module

    # ---- requests ---------------------------------------------------------------------------
    def client_call(self, node, scope):
        """The (method, call) of `self.client.get(...)`, else None."""
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            return None
        owner = dotted(node.func.value)
        if owner != scope.self_name + ".client" and owner != scope.self_name + ".user.client":
            return None
        m = node.func.attr
        if m in METHODS:
            return m
        if m == "request":
            return "request"
        raise Untranslatable(node, "self.client.%s() cannot be translated" % m)

    def request(self, node, scope, method):
        tr = self.tr
        args = list(node.args)
        kw = {k.arg: k.value for k in node.keywords}
        if None in kw:
            raise Untranslatable(node, "** arguments to a request cannot be translated")
        if method == "request":
            mnode = args.pop(0) if args else kw.pop("method", None)
            mv = tr.value(mnode, scope) if mnode is not None else None
            if mv is None or not mv.is_literal() or not isinstance(mv.literal, str):
                raise Untranslatable(node, "self.client.request needs a constant method")
            method = mv.literal.lower()
        url = args.pop(0) if args else kw.pop("url", None)
        if url is None or args:
            raise Untranslatable(node, "a request takes the URL as its only positional argument")
        step = {}
        if method in METHODS:
            step[method] = tr.value(url, scope).text(url)
        else:
            step["method"] = method.upper()
            step["path"] = tr.value(url, scope).text(url)
        if not step.get(method, step.get("path", "/")).startswith(("/", "http://", "https://", "{{")):
            raise Untranslatable(url, "the URL must start with / or http(s):// (relative to the host)")
        catch = False
        for k, v in kw.items():
            if k == "name":
                n = tr.value(v, scope)
                if not n.is_literal() or not isinstance(n.literal, str):
                    raise Untranslatable(v, "name= must be a constant string (statistics names are literal)")
                step["name"] = n.literal
            elif k == "params":
                step["query"] = tr.to_text_map(tr.value(v, scope), v, "params")
            elif k == "headers":
                step["headers"] = tr.to_text_map(tr.value(v, scope), v, "headers")
            elif k == "json":
                step["json"] = tr.to_json(tr.value(v, scope), v)
            elif k == "data":
                dv = tr.value(v, scope)
                if dv.is_literal() and isinstance(dv.literal, dict):
                    step["form"] = tr.to_text_map(dv, v, "data")
                else:
                    step["body"] = dv.text(v)
            elif k in ("catch_response", "allow_redirects", "stream", "verify"):
                bv = tr.value(v, scope)
                if not bv.is_literal() or not isinstance(bv.literal, bool):
                    raise Untranslatable(v, "%s= must be True or False" % k)
                if k == "catch_response":
                    catch = bv.literal
                elif k == "allow_redirects" and not bv.literal:
                    raise Untranslatable(v, "allow_redirects=False cannot be translated (Hornet follows "
                                         "redirects as requests does)")
                elif k == "verify" and bv.literal:
                    raise Untranslatable(v, "verify=True per request cannot be translated (use tls_verify)")
            else:
                raise Untranslatable(v, "the request argument %s= cannot be translated" % k)
        if scope.session_headers:
            headers = dict(scope.session_headers)
            headers.update(step.get("headers", {}))
            step["headers"] = headers
        tr.place(step, self.module, node)
        return step, catch

    # ---- response values --------------------------------------------------------------------
    def response_source(self, node, scope):
        """(step, extract spec) for r.json()[..], r.headers[..], r.cookies[..], r.text; else None."""
        path = []
        cur = node
        while isinstance(cur, ast.Subscript) or (isinstance(cur, ast.Call) and isinstance(cur.func, ast.Attribute)
                                                and cur.func.attr == "get" and len(cur.args) == 1):
            key = cur.slice if isinstance(cur, ast.Subscript) else cur.args[0]
            k = self.tr.value(key, Scope(self.module, None))
            if not k.is_literal() or not isinstance(k.literal, (str, int)) or isinstance(k.literal, bool):
                raise Untranslatable(key, "a response key must be a constant")
            path.append(str(k.literal))
            cur = cur.value if isinstance(cur, ast.Subscript) else cur.func.value
        path.reverse()
        kind = None
        if isinstance(cur, ast.Call) and isinstance(cur.func, ast.Attribute) and cur.func.attr == "json" \
                and not cur.args:
            kind, base = "json", cur.func.value
        elif isinstance(cur, ast.Attribute) and cur.attr in ("headers", "cookies") and len(path) == 1:
            kind, base = cur.attr[:-1], cur.value
        else:
            return None
        step = self.response_step(base, scope)
        if step is None:
            return None
        if kind == "json":
            ptr = "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in path)
            if not ptr:
                raise Untranslatable(node, "the whole response.json() cannot be stored; take a value from it")
            return step, {"json": ptr}
        return step, {kind: path[0]}

    def response_step(self, node, scope):
        if isinstance(node, ast.Name) and node.id in scope.responses:
            return scope.responses[node.id].step
        m = self.client_call(node, scope)
        if m:
            step, _ = self.request(node, scope, m)
            scope.pending.append(step)
            return step
        return None

    def uses_response(self, node, scope):
        for n in ast.walk(node):
            if isinstance(n, ast.Name) and n.id in scope.responses:
                return True
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "json":
                return True
        return False

    # ---- statements -------------------------------------------------------------------------
    def block(self, stmts, scope):
        steps = []
        for s in stmts:
            steps.extend(self.statement(s, scope))
        return steps

    def statement(self, s, scope):
        tr = self.tr
        sn = scope.self_name
        scope.pending = []
        if isinstance(s, ast.Pass) or (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant)):
            return []
        if isinstance(s, ast.Return) and s.value is None:
            return []
        if isinstance(s, ast.Expr) and isinstance(s.value, ast.Call):
            call = s.value
            m = self.client_call(call, scope)
            if m:
                step, catch = self.request(call, scope, m)
                if catch:
                    raise Untranslatable(call, "catch_response=True needs a `with ... as response:` block")
                return [step]
            fn = dotted(call.func) or ""
            if fn in IGNORED_CALLS:
                return []
            if fn in (sn + ".client.headers.update",) and len(call.args) == 1:
                return self.session_headers(call.args[0], s, scope)
            if fn == sn + ".interrupt":
                raise Untranslatable(s, "self.interrupt() (leaving a nested TaskSet) cannot be translated")
            if fn in ("time.sleep", "gevent.sleep", sn + ".wait", "sleep"):
                raise Untranslatable(s, "%s() inside a task cannot be translated (use wait_time)" % fn)
            if fn.startswith(sn + ".") and fn.count(".") == 1 and fn[len(sn) + 1:] in scope.info.methods:
                return self.inline_method(scope.info.methods[fn[len(sn) + 1:]], call, scope)
            if isinstance(call.func, ast.Name) and call.func.id in self.module.functions:
                f = self.module.functions[call.func.id]
                if call.args and dotted(call.args[0]) == sn:
                    return self.inline_method(f, call, scope, first_is_self=True)
            raise Untranslatable(call, "the call %s() cannot be translated" % (fn or "to this"))
        if isinstance(s, (ast.Assign, ast.AnnAssign)):
            targets = s.targets if isinstance(s, ast.Assign) else [s.target]
            if len(targets) != 1:
                raise Untranslatable(s, "multiple assignment targets cannot be translated")
            return self.assign(targets[0], s.value, s, scope)
        if isinstance(s, ast.With):
            return self.with_block(s, scope)
        if isinstance(s, ast.For):
            return self.for_loop(s, scope)
        if isinstance(s, ast.While):
            what = "a while loop over response data" if self.uses_response(s, scope) else "a while loop"
            raise Untranslatable(s, "%s cannot be translated" % what)
        if isinstance(s, ast.If):
            what = "a branch on response data" if self.uses_response(s.test, scope) else "a branch on a run-time value"
            raise Untranslatable(s, "%s cannot be translated (JSON steps run straight through)" % what)
        if isinstance(s, ast.Try):
            raise Untranslatable(s, "try/except cannot be translated")
        if isinstance(s, ast.Raise):
            raise Untranslatable(s, "raise inside a task cannot be translated")
        if isinstance(s, ast.Return):
            raise Untranslatable(s, "return with a value inside a task cannot be translated")
        raise Untranslatable(s, "a %s statement cannot be translated" % type(s).__name__)

    def session_headers(self, value, s, scope):
        if not scope.in_on_start:
            raise Untranslatable(s, "self.client.headers changed inside a task cannot be translated "
                                 "(set them in on_start)")
        hv = self.tr.to_text_map(self.tr.value(value, scope), value, "headers")
        scope.session_headers = dict(scope.session_headers or {})
        scope.session_headers.update(hv)
        return []

    def assign(self, target, value, s, scope):
        tr = self.tr
        sn = scope.self_name
        m = self.client_call(value, scope)
        if m:
            step, catch = self.request(value, scope, m)
            if catch:
                raise Untranslatable(value, "catch_response=True needs a `with ... as response:` block")
            if not isinstance(target, ast.Name):
                raise Untranslatable(target, "store the response in a local name")
            scope.responses[target.id] = Response(step)
            return [step]
        # self.client.headers["X"] = v
        if isinstance(target, ast.Subscript) and dotted(target.value) == sn + ".client.headers":
            k = tr.value(target.slice, scope)
            if not k.is_literal() or not isinstance(k.literal, str):
                raise Untranslatable(target, "a header name must be a constant")
            return self.session_headers(ast.Dict(keys=[target.slice], values=[value]), s, scope)
        src = self.response_source(value, scope)
        is_self = isinstance(target, ast.Attribute) and dotted(target.value) == sn
        if src is not None:
            step, spec = src
            if is_self:
                name = target.attr
            elif isinstance(target, ast.Name):
                name = target.id
                scope.locals[name] = Expr(template="{{%s}}" % name, typed=name)
                scope.info.variables.add(name)
            else:
                raise Untranslatable(target, "store a response value in self.NAME or a local name")
            step.setdefault("extract", {})[name] = spec
            scope.extracted.add(name)
            return list(scope.pending)
        if isinstance(target, ast.Name):
            if self.uses_response(value, scope):
                raise Untranslatable(value, "this use of response data cannot be translated")
            v = tr.value(value, scope)
            scope.locals[target.id] = v
            if not v.is_literal() and "{{random." in v.template:
                scope.volatile[target.id] = s
            return []
        if is_self:
            v = tr.value(value, scope)
            if scope.in_on_start and v.is_literal() and isinstance(v.literal, (str, int, float)) \
                    and not isinstance(v.literal, bool) and target.attr not in scope.extracted:
                scope.initial[target.attr] = v.literal if isinstance(v.literal, str) else number_text(v.literal)
                return []
            if scope.in_on_start and v.is_literal() and v.literal is None:
                return []
            raise Untranslatable(s, "setting self.%s to a value computed at run time cannot be translated "
                                 "(only response values, and constants in on_start)" % target.attr)
        raise Untranslatable(s, "this assignment cannot be translated")

    def inline_method(self, fn, call, scope, first_is_self=False):
        params = [a.arg for a in fn.args.args]
        args = call.args[1:] if first_is_self else call.args
        params = params[1:]
        if len(args) > len(params) or call.keywords:
            raise Untranslatable(call, "%s() is called with arguments it cannot take here" % fn.name)
        if scope.depth > 8:
            raise Untranslatable(call, "helpers nested too deeply")
        saved = (scope.locals, scope.responses)
        bound = {}
        for i, p in enumerate(params):
            if i < len(args):
                bound[p] = self.tr.value(args[i], scope)
            else:
                di = i - (len(params) - len(fn.args.defaults))
                if di < 0:
                    raise Untranslatable(call, "%s() is missing the argument %r" % (fn.name, p))
                bound[p] = self.tr.value(fn.args.defaults[di], Scope(self.module, None))
        old_self = scope.self_name
        if first_is_self:
            scope.self_name = fn.args.args[0].arg
        scope.locals, scope.responses = bound, {}
        scope.depth += 1
        try:
            body = fn.body
            if body and isinstance(body[-1], ast.Return) and body[-1].value is not None:
                raise Untranslatable(body[-1], "%s() returns a value; only helpers that make requests "
                                     "can be called as statements" % fn.name)
            return self.block(body, scope)
        finally:
            scope.depth -= 1
            scope.self_name = old_self
            scope.locals, scope.responses = saved

    def for_loop(self, s, scope):
        it = s.iter
        if s.orelse:
            raise Untranslatable(s, "for ... else cannot be translated")
        if isinstance(it, ast.Call) and dotted(it.func) == "range" and len(it.args) in (1, 2) and not it.keywords:
            if isinstance(s.target, ast.Name) and s.target.id != "_" and any(
                    isinstance(n, ast.Name) and n.id == s.target.id for b in s.body for n in ast.walk(b)):
                # The loop variable is used: unroll a constant range, one copy per value.
                bounds = [self.tr.value(a, scope) for a in it.args]
                if not all(b.is_literal() and isinstance(b.literal, int) for b in bounds):
                    raise Untranslatable(s.target, "the loop variable %r is used in a loop whose count is "
                                         "known only at run time" % s.target.id)
                values = range(*[b.literal for b in bounds])
                if len(values) > 1000:
                    raise Untranslatable(it, "a loop whose variable is used is unrolled; more than 1000 "
                                         "rounds cannot be")
                out = []
                for v in values:
                    scope.locals[s.target.id] = Expr.lit(v)
                    out.extend(self.block(s.body, scope))
                return out
            if len(it.args) == 2:
                lo, hi = (self.tr.value(a, scope) for a in it.args)
                if not (lo.is_literal() and hi.is_literal()):
                    raise Untranslatable(it, "range() needs constants")
                count = max(0, hi.literal - lo.literal)
            else:
                arg = it.args[0]
                if isinstance(arg, ast.Call) and dotted(arg.func) in ("random.randint", "randint"):
                    lo, hi = (self.tr.value(a, scope) for a in arg.args)
                    if not (lo.is_literal() and hi.is_literal()) or not all(
                            isinstance(x.literal, int) for x in (lo, hi)):
                        raise Untranslatable(arg, "random.randint needs whole-number constants")
                    if lo.literal < 0 or hi.literal < lo.literal:
                        raise Untranslatable(arg, "random.randint(%d, %d) is not a count" % (lo.literal, hi.literal))
                    count = [lo.literal, hi.literal]
                else:
                    c = self.tr.value(arg, scope)
                    if not c.is_literal() or not isinstance(c.literal, int):
                        raise Untranslatable(arg, "range() needs a constant or random.randint(a, b)")
                    count = c.literal
            steps = self.block(s.body, scope)
            if count == 0 or count == [0, 0] or not steps:
                return []
            if isinstance(count, int) and count > 1000000:
                raise Untranslatable(it, "a loop of more than 1000000 rounds cannot be translated")
            return [self.tr.place({"repeat": count, "steps": steps}, self.module, s)]
        seq = None
        try:
            seq = self.tr.value(it, scope)
        except Untranslatable:
            pass
        if seq is not None and seq.is_literal() and isinstance(seq.literal, list) and isinstance(s.target, ast.Name):
            if len(seq.literal) > 1000:
                raise Untranslatable(it, "a loop over more than 1000 constants cannot be translated")
            out = []
            for item in seq.literal:
                scope.locals[s.target.id] = item
                out.extend(self.block(s.body, scope))
            return out
        what = "a for loop over response data" if self.uses_response(it, scope) else "this for loop"
        raise Untranslatable(s, "%s cannot be translated (loops over range(N), range(random.randint(a, b)) "
                             "or a constant list can)" % what)

    # ---- catch_response ---------------------------------------------------------------------
    def with_block(self, s, scope):
        if len(s.items) != 1:
            raise Untranslatable(s, "a with statement over several items cannot be translated")
        item = s.items[0]
        m = self.client_call(item.context_expr, scope)
        if not m:
            if dotted(getattr(item.context_expr, "func", None)) == scope.self_name + ".client.rename_request":
                raise Untranslatable(s, "rename_request cannot be translated (use name=)")
            raise Untranslatable(s, "this with statement cannot be translated")
        step, catch = self.request(item.context_expr, scope, m)
        if not isinstance(item.optional_vars, ast.Name):
            raise Untranslatable(s, "write `with self.client.get(...) as response:`")
        r = item.optional_vars.id
        scope.responses[r] = Response(step)
        steps = [step]
        verdicts = []
        for st in s.body:
            v = self.verdict(st, r, scope) if catch else None
            if v is not None:
                verdicts.append((st, v))
                continue
            steps.extend(self.statement(st, scope))
        if verdicts:
            self.apply_verdicts(step, verdicts, scope)
        return steps

    def outcome(self, stmts, r):
        """'success', 'failure' or None for a branch that only calls r.success()/r.failure(...)."""
        kinds = set()
        for st in stmts:
            if isinstance(st, ast.Pass) or (isinstance(st, ast.Expr) and isinstance(st.value, ast.Call) and
                                           (dotted(st.value.func) or "") in IGNORED_CALLS):
                continue
            if isinstance(st, ast.Expr) and isinstance(st.value, ast.Call) and dotted(st.value.func) in (
                    r + ".success", r + ".failure"):
                kinds.add(st.value.func.attr)
                continue
            if isinstance(st, ast.Raise) and st.exc is not None and dotted(
                    st.exc.func if isinstance(st.exc, ast.Call) else st.exc) in ("RescheduleTask",):
                continue
            return None
        return kinds.pop() if len(kinds) == 1 else None

    def verdict(self, st, r, scope):
        if isinstance(st, ast.Expr) and isinstance(st.value, ast.Call) and dotted(st.value.func) == r + ".success":
            return ("always",)
        if isinstance(st, ast.Expr) and isinstance(st.value, ast.Call) and dotted(st.value.func) == r + ".failure":
            raise Untranslatable(st, "an unconditional response.failure() cannot be translated")
        if not isinstance(st, ast.If):
            return None
        branches, node = [], st
        while True:
            o = self.outcome(node.body, r)
            if o is None:
                raise Untranslatable(node, "a branch on response data that does more than call "
                                     "response.success()/failure() cannot be translated")
            branches.append((node.test, o))
            if len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If):
                node = node.orelse[0]
                continue
            other = self.outcome(node.orelse, r) if node.orelse else "none"
            if other is None:
                raise Untranslatable(node, "an else branch that does more than call response.success()/failure() "
                                     "cannot be translated")
            return ("chain", branches, other)

    def apply_verdicts(self, step, verdicts, scope):
        need = []  # check parts that must all hold for success
        explicit = False  # success is decided by the checks alone (else: r.success())
        for st, v in verdicts:
            if v[0] == "always":
                if len(verdicts) != 1:
                    raise Untranslatable(st, "response.success() beside other checks cannot be translated")
                explicit = True
                continue
            _, branches, other = v
            outcomes = {o for _, o in branches}
            if outcomes == {"failure"} and other in ("none", "success"):
                for test, _ in branches:
                    need.extend(self.condition(test, False, scope))
                explicit = explicit or other == "success"
            elif len(branches) == 1 and branches[0][1] == "success" and other == "failure":
                need.extend(self.condition(branches[0][0], True, scope))
                explicit = True
            elif len(branches) == 1 and branches[0][1] == "success" and other == "none":
                parts = self.condition(branches[0][0], True, scope)
                if len(parts) != 1 or parts[0][0] != "status":
                    raise Untranslatable(st, "`if ...: response.success()` without an else can only test "
                                         "status_code")
                need.append(("status", parts[0][1] | DEFAULT_OK))
                explicit = True
            else:
                raise Untranslatable(st, "this mix of response.success() and response.failure() cannot be "
                                     "translated")
        check = {}
        statuses = ALL_STATUSES if explicit else None
        for part in need:
            kind = part[0]
            if kind == "status":
                statuses = (statuses if statuses is not None else DEFAULT_OK) & part[1]
            elif kind == "body":
                check.setdefault("body_contains", []).append(part[1])
            elif kind == "json":
                check.setdefault("json", {})[part[1]] = part[2]
            elif kind == "exists":
                check.setdefault("json_exists", []).append(part[1])
            elif kind == "max_ms":
                check["max_ms"] = min(check.get("max_ms", part[1]), part[1])
        if statuses is not None:
            if not statuses:
                raise Untranslatable(verdicts[0][0], "no status could ever succeed here")
            if statuses != DEFAULT_OK or explicit:
                check["status"] = sorted(statuses) if len(statuses) > 1 else sorted(statuses)[0]
        for k in ("body_contains", "json_exists"):
            if k in check and len(check[k]) == 1:
                check[k] = check[k][0]
        if check:
            step["check"] = check

    def condition(self, test, positive, scope):
        """Check parts that hold exactly when `test` is `positive`."""
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            return self.condition(test.operand, not positive, scope)
        if isinstance(test, ast.BoolOp):
            conj = isinstance(test.op, ast.And) == positive
            parts = [self.condition(v, positive, scope) for v in test.values]
            if conj:
                return [p for ps in parts for p in ps]
            if all(len(ps) == 1 and ps[0][0] == "status" for ps in parts):
                return [("status", set().union(*(ps[0][1] for ps in parts)))]
            raise Untranslatable(test, "this combination of response conditions cannot be translated (a check "
                                 "passes when all its parts hold)")
        if isinstance(test, ast.Attribute) and test.attr == "ok" and isinstance(test.value, ast.Name) \
                and test.value.id in scope.responses:
            return [("status", DEFAULT_OK if positive else ALL_STATUSES - DEFAULT_OK)]
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            left, op, right = test.left, test.ops[0], test.comparators[0]
            if isinstance(op, (ast.NotEq, ast.NotIn, ast.IsNot)):
                flip = {ast.NotEq: ast.Eq, ast.NotIn: ast.In, ast.IsNot: ast.Is}[type(op)]
                return self.compare(left, flip(), right, not positive, test, scope)
            return self.compare(left, op, right, positive, test, scope)
        raise Untranslatable(test, "this response condition cannot be translated (status_code, text, "
                             "json()[...] and elapsed comparisons can)")

    def compare(self, left, op, right, positive, test, scope):
        tr = self.tr
        lname = dotted(left) or ""
        if lname.endswith(".status_code"):
            vals = tr.value(right, scope)
            if not vals.is_literal():
                raise Untranslatable(right, "compare status_code with constants")
            if isinstance(op, (ast.Eq, ast.Is)):
                s = {vals.literal}
            elif isinstance(op, ast.In):
                s = {x.literal if isinstance(x, Expr) else x for x in vals.literal}
            elif isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)):
                n = vals.literal
                f = {ast.Lt: lambda c: c < n, ast.LtE: lambda c: c <= n, ast.Gt: lambda c: c > n,
                     ast.GtE: lambda c: c >= n}[type(op)]
                s = {c for c in ALL_STATUSES if f(c)}
            else:
                raise Untranslatable(test, "this status_code comparison cannot be translated")
            if not all(isinstance(c, int) for c in s):
                raise Untranslatable(right, "statuses are whole numbers")
            return [("status", s if positive else ALL_STATUSES - s)]
        rname = dotted(right) or ""
        if isinstance(op, ast.In) and (rname.endswith(".text") or rname.endswith(".content")):
            if not positive:
                raise Untranslatable(test, "a check that the body does NOT contain a text cannot be translated")
            v = tr.value(left, scope)
            if isinstance(v.literal, bytes):
                raise Untranslatable(left, "compare with a str")
            return [("body", v.text(left))]
        if isinstance(op, ast.In) and isinstance(right, ast.Call) and isinstance(right.func, ast.Attribute) \
                and right.func.attr == "json":
            if not positive:
                raise Untranslatable(test, "a check that a JSON key is absent cannot be translated")
            k = tr.value(left, scope)
            if not k.is_literal() or not isinstance(k.literal, str):
                raise Untranslatable(left, "a JSON key must be a constant")
            return [("exists", "/" + k.literal.replace("~", "~0").replace("/", "~1"))]
        if "elapsed" in lname or (isinstance(left, ast.Call) and "elapsed" in (dotted(left.func) or "")):
            v = tr.value(right, scope)
            if not v.is_literal() or not isinstance(v.literal, (int, float)):
                raise Untranslatable(right, "compare elapsed with a constant number of seconds")
            ms = v.literal * 1000 if (dotted(left.func) if isinstance(left, ast.Call) else "").endswith(
                "total_seconds") else None
            if ms is None:
                raise Untranslatable(left, "use response.elapsed.total_seconds()")
            slow_fails = (isinstance(op, (ast.Gt, ast.GtE)) and not positive) or (
                isinstance(op, (ast.Lt, ast.LtE)) and positive)
            if not slow_fails:
                raise Untranslatable(test, "only an upper limit on elapsed can be translated")
            return [("max_ms", ms)]
        if isinstance(op, (ast.Eq, ast.Is)):
            src = self.response_source(left, scope)
            if src is not None and "json" in src[1]:
                if not positive:
                    raise Untranslatable(test, "a check that a JSON value differs cannot be translated")
                v = tr.value(right, scope)
                return [("json", src[1]["json"], tr.to_json(v, right, typed=False))]
        raise Untranslatable(test, "this response condition cannot be translated")


class ModuleTranslator:
    """The user classes of one file."""

    def __init__(self, tr, module):
        self.tr = tr
        self.module = module
        self.ut = UserTranslator(tr, module)

    def chain(self, cls, seen=None):
        """In-file classes from the farthest base to `cls`, and the names of the outside bases."""
        seen = seen or set()
        if cls.name in seen:
            raise Untranslatable(cls, "class %s inherits from itself" % cls.name)
        seen.add(cls.name)
        chain, roots = [], set()
        for b in cls.bases:
            name = dotted(b) or ""
            short = name.split(".")[-1]
            if name in self.module.classes and self.module.classes[name] is not cls:
                c, r = self.chain(self.module.classes[name], seen)
                chain.extend(c)
                roots |= r
            else:
                roots.add(short)
        return chain + [cls], roots

    def kind(self, cls):
        _, roots = self.chain(cls)
        if roots & HTTP_BASES:
            return "user"
        if roots & set(TASKSET_BASES):
            return "taskset"
        if roots & {"User", "Locust"}:
            return "plain_user"
        return None

    def translate(self):
        users = []
        for cls in self.module.order:
            try:
                k = self.kind(cls)
            except Untranslatable as e:
                self.tr.error(self.module, e.line, e.col, cls.name, e.message)
                continue
            attrs = class_attrs(cls)
            abstract = attrs.get("abstract")
            if isinstance(abstract, ast.Constant) and abstract.value is True:
                continue
            if k == "plain_user":
                self.tr.error(self.module, cls.lineno, cls.col_offset + 1, cls.name,
                              "a User without an HTTP client cannot be translated (HttpUser and FastHttpUser can)",
                              hint=True)
            elif k == "user":
                u = self.user(cls)
                if u is not None:
                    users.append(u)
        return users

    def user(self, cls):
        tr, module = self.tr, self.module
        chain, roots = self.chain(cls)
        info = ClassInfo(module, cls, chain)
        u = tr.place({"name": cls.name}, module, cls)
        errors_before = len(tr.errors)
        try:
            for key in ("weight", "fixed_count"):
                if key in info.attrs:
                    v = tr.value(info.attrs[key], Scope(module, None))
                    if not v.is_literal() or not isinstance(v.literal, int) or v.literal < 0:
                        raise Untranslatable(info.attrs[key], "%s must be a whole number >= 0" % key)
                    if key == "weight" and v.literal != 1 or key == "fixed_count" and v.literal:
                        u[key] = v.literal
            if "host" in info.attrs:
                hv = tr.value(info.attrs["host"], Scope(module, None))
                if hv.is_literal() and hv.literal is None:
                    pass
                elif hv.is_literal() and isinstance(hv.literal, str):
                    if hv.literal:
                        u["host"] = hv.literal
                elif hv.template.startswith("{{env.") and hv.template.count("{{") == 1 and hv.template.endswith("}}"):
                    u["host"] = hv.template
                else:
                    raise Untranslatable(info.attrs["host"], "host must be a constant or an environment variable")
            wait_node = info.attrs.get("wait_time")
            sequential = False
            tasks_src = self.task_entries(info)
            on_start, on_stop, variables = [], [], {}
            scope = self.method_scope(info)
            # A TaskSet as the user's only task is flattened into the user.
            if len(tasks_src) == 1 and tasks_src[0][0] == "class":
                ts_cls = tasks_src[0][1]
                ts_chain, ts_roots = self.chain(ts_cls)
                ts_info = ClassInfo(module, ts_cls, ts_chain)
                sequential = any(TASKSET_BASES.get(r) for r in ts_roots)
                if "wait_time" in ts_info.attrs:
                    wait_node = ts_info.attrs["wait_time"]
                self.lifecycle(info, scope, "on_start", on_start, variables)
                ts_scope = self.method_scope(ts_info, session=scope.session_headers)
                self.lifecycle(ts_info, ts_scope, "on_start", on_start, variables)
                ts_stop = []
                self.lifecycle(ts_info, ts_scope, "on_stop", ts_stop, variables)
                self.lifecycle(info, scope, "on_stop", on_stop, variables)
                on_stop = ts_stop + on_stop
                info, scope = ts_info, ts_scope
                tasks_src = self.task_entries(ts_info)
                if any(t[0] == "class" for t in tasks_src):
                    raise Untranslatable(ts_cls, "a TaskSet inside a TaskSet cannot be translated")
            else:
                self.lifecycle(info, scope, "on_start", on_start, variables)
                self.lifecycle(info, scope, "on_stop", on_stop, variables)
                for t in tasks_src:
                    if t[0] == "class":
                        raise Untranslatable(t[4], "a TaskSet beside other tasks cannot be translated (a TaskSet "
                                             "is translated only as a user's single task)")
            if wait_node is not None:
                u["wait_time"] = self.wait_time(wait_node)
            if sequential:
                u["sequential"] = True
            if variables:
                u["variables"] = variables
            if on_start:
                u["on_start"] = on_start
            tasks = []
            for entry in tasks_src:
                t = self.task(info, scope, entry)
                if t is not None:
                    tasks.append(t)
            if on_stop:
                u["on_stop"] = on_stop
            u["tasks"] = tasks
            # key order: name, weight, fixed_count, host, wait_time, sequential, variables, on_start, tasks, on_stop
            order = ["name", "weight", "fixed_count", "host", "wait_time", "sequential", "variables", "on_start",
                     "tasks", "on_stop"]
            out = {k: u[k] for k in order if k in u}
            u.clear()
            u.update(out)
        except Untranslatable as e:
            tr.error(module, e.line, e.col, cls.name, e.message)
            return None
        if len(tr.errors) > errors_before:
            return None
        if not u["tasks"]:
            if not self.tr.partial:
                tr.error(module, cls.lineno, cls.col_offset + 1, cls.name, "the class has no tasks")
            else:
                tr.warnings.append("%s:%d:%d: warning: in %s: no task left; the class is left out (--partial)"
                                   % (module.filename, cls.lineno, cls.col_offset + 1, cls.name))
            return None
        return u

    def method_scope(self, info, session=None):
        scope = MethodScope(self.module, info)
        scope.translator = self.tr
        scope.session_headers = session
        scope.in_on_start = False
        scope.initial = {}
        scope.pending = []
        return scope

    def lifecycle(self, info, scope, which, out, variables):
        m = info.methods.get(which)
        if m is None:
            return
        scope.in_on_start = which == "on_start"
        scope.self_name = m.args.args[0].arg if m.args.args else "self"
        scope.locals, scope.responses = {}, {}
        try:
            out.extend(self.ut.block(m.body, scope))
        except Untranslatable as e:
            # on_start/on_stop cannot be left out: what follows depends on them.
            self.tr.error(self.module, e.line, e.col, "%s.%s" % (info.name, which), e.message, hint=True)
        scope.in_on_start = False
        for k, v in scope.initial.items():
            variables[k] = v

    def task_entries(self, info):
        """(kind, target, weight, tags, node) in Locust's order."""
        if "tasks" in info.attrs:
            node = info.attrs["tasks"]
            pairs = []
            if isinstance(node, ast.Dict):
                for k, v in zip(node.keys, node.values):
                    if not (isinstance(v, ast.Constant) and isinstance(v.value, int)):
                        raise Untranslatable(v, "a task weight must be a whole number")
                    pairs.append((k, v.value))
            elif isinstance(node, (ast.List, ast.Tuple)):
                for e in node.elts:
                    if isinstance(e, ast.Tuple) and len(e.elts) == 2:
                        w = e.elts[1]
                        if not (isinstance(w, ast.Constant) and isinstance(w.value, int)):
                            raise Untranslatable(w, "a task weight must be a whole number")
                        pairs.append((e.elts[0], w.value))
                    else:
                        pairs.append((e, 1))
            else:
                raise Untranslatable(node, "tasks must be a list or a dict written in the class")
            out = []
            for ref, w in pairs:
                name = dotted(ref)
                if name in self.module.classes and self.kind(self.module.classes[name]) == "taskset":
                    out.append(("class", self.module.classes[name], w, decorator_tags(self.module.classes[name]), ref))
                elif name in self.module.functions:
                    f = self.module.functions[name]
                    out.append(("function", f, w, decorator_tags(f), ref))
                elif name in info.methods:
                    f = info.methods[name]
                    out.append(("method", f, w, decorator_tags(f), ref))
                else:
                    raise Untranslatable(ref, "the task %s is not a function, method or TaskSet of this file"
                                         % (name or "entry"))
            return out
        out = []
        for name, w, tags, node in info.task_methods:
            if isinstance(node, ast.ClassDef):
                out.append(("class", node, w, tags, node))
            else:
                out.append(("method", node, w, tags, node))
        return out

    def task(self, info, scope, entry):
        kind, fn, weight, tags, ref = entry
        where = "%s.%s" % (info.name, fn.name)
        scope.locals, scope.responses, scope.uses, scope.volatile = {}, {}, {}, {}
        scope.self_name = fn.args.args[0].arg if fn.args.args else "self"
        try:
            if len(fn.args.args) != 1:
                raise Untranslatable(fn, "a task takes only self")
            if isinstance(fn, ast.AsyncFunctionDef):
                raise Untranslatable(fn, "an async task cannot be translated")
            steps = self.ut.block(fn.body, scope)
            for name, node in scope.volatile.items():
                if scope.uses.get(name, 0) > 1:
                    raise Untranslatable(node, "the random value %r is used %d times; each use would draw a new "
                                         "one" % (name, scope.uses[name]))
            if not steps:
                raise Untranslatable(fn, "the task makes no request")
        except Untranslatable as e:
            self.tr.task_failed(self.module, where, e)
            return None
        except RecursionError:
            self.tr.task_failed(self.module, where, Untranslatable(fn, "the task is nested too deeply"))
            return None
        if len(steps) == 1 and "repeat" not in steps[0]:
            t = steps[0]
            head = {}
        else:
            t = self.tr.place({}, self.module, fn)
            head = {"name": fn.name}
        if weight != 1:
            head["weight"] = weight
        if tags:
            head["tags"] = tags
        if "steps" not in t:
            body = dict(t)
            t.clear()
            t.update(head)
            t.update(body)
            if not body:
                t["steps"] = steps
        return t

    def wait_time(self, node):
        if isinstance(node, ast.Call):
            fn = (dotted(node.func) or "").split(".")[-1]
            fn = self.module.aliases.get(fn, fn)
            if fn in WAITS and len(node.args) == WAITS[fn] and not node.keywords:
                vals = [self.tr.value(a, Scope(self.module, None)) for a in node.args]
                if not all(v.is_literal() and isinstance(v.literal, (int, float)) and not isinstance(v.literal, bool)
                           for v in vals):
                    raise Untranslatable(node, "%s() needs constant numbers" % fn)
                nums = [v.literal for v in vals]
                return {"between": nums} if fn == "between" else {fn: nums[0]}
        raise Untranslatable(node, "wait_time must be between(a, b), constant(x), constant_pacing(x) or "
                             "constant_throughput(x)")


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
    module = Module(tree, display)
    try:
        return ModuleTranslator(tr, module).translate()
    except RecursionError:
        tr.errors.append((display, 1, 1, "%s:1:1: the file is nested too deeply to translate" % display))
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


def main(argv):
    partial = "--partial" in argv
    positions_file = None
    paths = []
    i = 0
    while i < len(argv):
        if argv[i] == "--positions" and i + 1 < len(argv):
            positions_file = argv[i + 1]
            i += 1
        elif argv[i] != "--partial":
            paths.append(argv[i])
        i += 1
    if not paths:
        sys.stderr.write("usage: translator.py [--partial] [--positions FILE] LOCUSTFILE_OR_FOLDER...\n")
        return 2
    scenario, positions, errors, warnings = translate(paths, partial)
    for w in warnings:
        sys.stderr.write(w + "\n")
    for e in errors:
        sys.stderr.write(e + "\n")
    if errors:
        return 1
    if positions_file:
        with open(positions_file, "w", encoding="utf-8") as f:
            json.dump(positions, f)
    sys.stdout.write(dumps(scenario) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
