"""Python expressions into template text and JSON values: module constants, f-strings and
concatenation, random/uuid/os.environ calls, helper functions that only build a value."""
import ast
import string

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
            parts, plain = [], []
            for v in node.values:
                if isinstance(v, ast.Constant):
                    parts.append(literal_text(v.value))
                    if plain is not None:
                        plain.append(v.value)
                elif isinstance(v, ast.FormattedValue):
                    if v.format_spec is not None:
                        raise Untranslatable(v, "a format spec in an f-string cannot be translated")
                    e = self.value(v.value, scope, d)
                    parts.append(e.text(v))
                    if plain is not None and e.is_literal() and isinstance(e.literal, (str, int, float)):
                        plain.append(e.literal if isinstance(e.literal, str) else number_text(e.literal))
                    else:
                        plain = None
                else:
                    raise Untranslatable(v, "unsupported f-string part")
            # Known when translated (a constant, an unrolled loop's value): a constant string.
            return Expr.lit("".join(plain)) if plain is not None else self.concat(parts)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.value(node.left, scope, d), self.value(node.right, scope, d)
            if left.is_literal() and right.is_literal():
                try:
                    return Expr.lit(left.literal + right.literal)
                except TypeError:
                    raise Untranslatable(node, "these values cannot be added")
            return self.concat([left.text(node.left), right.text(node.right)])
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) \
                and isinstance(node.left.value, str):
            return self.percent_format(node, scope, d)
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
            # self.user.X inside a TaskSet: the user's attribute (one variable space once flattened).
            outer = getattr(scope.user, "outer", None)
            if name and name.startswith(me + "user.") and name.count(".") == 2 and outer is not None:
                return outer.attribute(node.attr, node, scope, d)
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

    def percent_format(self, node, scope, d):
        """"/blog?id=%i" % i, "%s/%s" % (a, b): only %s, %d, %i and %%."""
        args = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
        values = [self.value(a, scope, d) for a in args]
        fmt, parts, k, i = node.left.value, [], 0, 0
        while i < len(fmt):
            c = fmt[i]
            if c != "%":
                parts.append(literal_text(c))
                i += 1
                continue
            spec = fmt[i + 1:i + 2]
            if spec == "%":
                parts.append("%")
            elif spec in ("s", "d", "i") and k < len(values):
                v = values[k]
                if spec != "s" and v.is_literal() and not isinstance(v.literal, int):
                    raise Untranslatable(node, "%%%s needs a whole number" % spec)
                parts.append(v.text(node))
                k += 1
            elif spec in ("s", "d", "i"):
                raise Untranslatable(node, "the % format has more fields than values")
            else:
                raise Untranslatable(node, "only %s, %d, %i and %% can be translated in a % format")
            i += 2
        if k != len(values):
            raise Untranslatable(node, "the %% format has %d fields for %d values" % (k, len(values)))
        return self.concat(parts)

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
