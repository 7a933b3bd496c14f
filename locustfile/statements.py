"""The statements of a task, on_start or on_stop into steps: requests and their arguments,
values taken from responses (extract), loops (repeat or unrolled), helper methods (inlined)."""
import ast

from checks import CatchResponse, Response
from values import (IGNORED_CALLS, METHODS, Expr, Scope, Untranslatable, dotted, number_text)


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
        self.outer = None  # the user's scope when this is a TaskSet flattened into it
        self.rename = None  # the name of an enclosing `with self.client.rename_request(...)`

    # Called by Translator.value for self.X
    def attribute(self, name, node, scope, d):
        if name in self.info.variables:
            return Expr(template="{{%s}}" % name, typed=name)
        if name in self.info.attrs:
            return self.translator.value(self.info.attrs[name], Scope(self.module, None), d)
        if self.outer is not None and name in self.outer.info.variables:
            return Expr(template="{{%s}}" % name, typed=name)  # set by the user that runs this TaskSet
        raise Untranslatable(node, "self.%s is never set in the class" % name)

    def method(self, name):
        return self.info.methods.get(name)


class UserTranslator(CatchResponse):
    """Statements of one method into steps; classes into user objects."""

    def __init__(self, tr, module):
        self.tr = tr
        self.module = module

    def interrupt(self, call, s, scope):
        """self.interrupt() / self.interrupt(reschedule=False) in a task of a TaskSet."""
        if not getattr(scope, "in_taskset", False) or getattr(scope, "in_lifecycle", False):
            raise Untranslatable(s, "self.interrupt() is translated only in a task of a TaskSet (not in a User, "
                                 "on_start or on_stop)")
        args = list(call.args) + [k.value for k in call.keywords if k.arg == "reschedule"]
        if len(args) > 1 or any(k.arg != "reschedule" for k in call.keywords):
            raise Untranslatable(call, "write self.interrupt() or self.interrupt(reschedule=False)")
        reschedule = True
        if args:
            v = self.tr.value(args[0], scope)
            if not v.is_literal() or not isinstance(v.literal, bool):
                raise Untranslatable(args[0], "reschedule must be True or False")
            reschedule = v.literal
        step = self.tr.place({"interrupt": True if reschedule else {"reschedule": False}}, self.module, s)
        return step

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
        if m == "rename_request":
            return None  # a with block of its own (checks.py)
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
        # requests' post/put/patch(url, data=None, json=None) also take those two by position.
        if method in ("post", "put", "patch"):
            for key in ("data", "json"):
                if args:
                    if key in kw:
                        raise Untranslatable(node, "%s given twice" % key)
                    kw[key] = args.pop(0)
        if url is None or args:
            raise Untranslatable(node, "a request takes the URL (and for post/put/patch data and json) by position")
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
                    step["allow_redirects"] = False
                elif k == "verify" and bv.literal:
                    raise Untranslatable(v, "verify=True per request cannot be translated (use tls_verify)")
            else:
                raise Untranslatable(v, "the request argument %s= cannot be translated" % k)
        if "name" not in step and scope.rename is not None:
            step["name"] = scope.rename
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
                return [self.interrupt(call, s, scope)]
            if fn in ("time.sleep", "gevent.sleep", sn + ".wait", "sleep"):
                raise Untranslatable(s, "%s() inside a task cannot be translated (use wait_time)" % fn)
            if fn.startswith(sn + ".") and fn.count(".") == 1 and fn[len(sn) + 1:] in scope.info.methods:
                return self.inline_method(scope.info.methods[fn[len(sn) + 1:]], call, scope)
            if isinstance(call.func, ast.Name) and call.func.id in self.module.functions:
                f = self.module.functions[call.func.id]
                if call.args and dotted(call.args[0]) == sn:
                    return self.inline_method(f, call, scope, first_is_self=True)
            raise Untranslatable(call, "the call %s() cannot be translated" % (fn or "to this"))
        if isinstance(s, ast.AnnAssign) and s.value is None:
            return []
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
