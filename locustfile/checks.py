"""catch_response blocks into a request's check: response.success()/failure() under conditions on
status_code, text, json()[...] and elapsed."""
import ast

from values import IGNORED_CALLS, Expr, Untranslatable, dotted

ALL_STATUSES = set(range(100, 600))
DEFAULT_OK = set(range(100, 400))
JSON_ERRORS = {"JSONDecodeError", "KeyError", "IndexError", "ValueError", "TypeError"}


class Response:
    """A request step whose response later statements read (`r = self.client.get(...)`)."""

    def __init__(self, step):
        self.step = step


class CatchResponse:
    """The catch_response half of UserTranslator (statements.py)."""

    def with_block(self, s, scope):
        if len(s.items) != 1:
            raise Untranslatable(s, "a with statement over several items cannot be translated")
        item = s.items[0]
        m = self.client_call(item.context_expr, scope)
        if not m:
            if dotted(getattr(item.context_expr, "func", None)) == scope.self_name + ".client.rename_request":
                return self.rename_block(s, item.context_expr, scope)
            raise Untranslatable(s, "this with statement cannot be translated")
        step, catch = self.request(item.context_expr, scope, m)
        if not isinstance(item.optional_vars, ast.Name):
            raise Untranslatable(s, "write `with self.client.get(...) as response:`")
        r = item.optional_vars.id
        scope.responses[r] = Response(step)
        steps = [step]
        verdicts, guards = [], []
        body = list(s.body)
        while body:
            st = body.pop(0)
            if catch and self.guarded_checks(st, r):
                body[0:0] = st.body  # its failures on a missing key or bad JSON are what the checks do
                guards.extend(st.handlers)
                continue
            v = self.verdict(st, r, scope) if catch else None
            if v is not None:
                verdicts.append((st, v))
                continue
            steps.extend(self.statement(st, scope))
        if verdicts:
            message = self.failure_message([st for st, _ in verdicts] + guards, r, scope)
            self.apply_verdicts(step, verdicts, scope, message)
        return steps

    def failure_message(self, stmts, r, scope):
        """The text of the block's response.failure(...) calls when they all give the same one (a
        constant, or a template of variables): Locust records it as CatchResponseError('text'). None
        when they differ or use what Hornet cannot render (response data): Hornet's reason then."""
        texts = set()
        for st in stmts:
            for node in ast.walk(st):
                if not (isinstance(node, ast.Call) and dotted(node.func) == r + ".failure"):
                    continue
                if len(node.args) != 1 or node.keywords:
                    return None
                try:
                    v = self.tr.value(node.args[0], scope)
                    if v.is_literal() and not isinstance(v.literal, str):
                        return None
                    texts.add(v.text(node.args[0]))
                except Untranslatable:
                    return None
        return texts.pop() if len(texts) == 1 else None

    def guarded_checks(self, st, r):
        """`try: <checks> except (JSONDecodeError, KeyError, ...): r.failure(...)`: a JSON check fails
        the request in the same cases, so the try adds nothing."""
        if not isinstance(st, ast.Try) or st.orelse or st.finalbody or not st.handlers:
            return False
        for h in st.handlers:
            types = h.type.elts if isinstance(h.type, ast.Tuple) else [h.type]
            if not all((dotted(t) or "").split(".")[-1] in JSON_ERRORS for t in types):
                return False
            if self.outcome(h.body, r) != "failure":
                return False
        return True

    def rename_block(self, s, call, scope):
        """`with self.client.rename_request("name"):` names the requests inside that have no name=."""
        if len(call.args) != 1 or call.keywords or s.items[0].optional_vars is not None:
            raise Untranslatable(s, "write `with self.client.rename_request(\"name\"):`")
        n = self.tr.value(call.args[0], scope)
        if not n.is_literal() or not isinstance(n.literal, str):
            raise Untranslatable(call.args[0], "rename_request needs a constant string (statistics names are literal)")
        saved = scope.rename
        scope.rename = n.literal
        try:
            return self.block(s.body, scope)
        finally:
            scope.rename = saved

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

    def apply_verdicts(self, step, verdicts, scope, message=None):
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
        status_tested = any(part[0] == "status" for part in need)
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
            # With a message, a tested status is written out even when it is Locust's default rule:
            # the message replaces the text of the check's own parts only.
            if statuses != DEFAULT_OK or explicit or (message is not None and status_tested):
                check["status"] = sorted(statuses) if len(statuses) > 1 else sorted(statuses)[0]
        for k in ("body_contains", "json_exists"):
            if k in check and len(check[k]) == 1:
                check[k] = check[k][0]
        if check and message is not None and message != "":
            check["message"] = message
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
