"""User, TaskSet and base classes of one file into user objects: weights, waits, host, tasks and
their weights and tags, on_start/on_stop, TaskSets (flattened into their user when they are its only
task and never interrupt, else nested task sets)."""
import ast

from statements import MethodScope, UserTranslator
from values import (HTTP_BASES, TASKSET_BASES, WAITS, Scope, Untranslatable, class_attrs, class_methods, dotted)


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
                w = task_weight(n, module)
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


def task_weight(node, module=None):
    """The weight of a @task-decorated method or nested class, None when it is no task."""
    for dec in getattr(node, "decorator_list", []):
        name, d = decorator_call(dec)
        if name in ("task", "locust.task"):
            if isinstance(d, ast.Call):
                arg = d.args[0] if len(d.args) == 1 and not d.keywords else None
                if isinstance(arg, ast.Name) and module is not None and arg.id in module.constants:
                    arg = module.constants[arg.id]  # @task(WEIGHT) with WEIGHT = 3 at module level
                if isinstance(arg, ast.Constant) and isinstance(arg.value, int) and not isinstance(
                        arg.value, bool) and arg.value >= 0:
                    return arg.value
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


def check_volatile(scope):
    """A local holding a random value may be used once: each use of a template draws anew."""
    for name, node in scope.volatile.items():
        if scope.uses.get(name, 0) > 1:
            raise Untranslatable(node, "the random value %r is used %d times; each use would draw a new one"
                                 % (name, scope.uses[name]))


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
        u = tr.place({"name": cls.name}, module, cls)
        errors_before = len(tr.errors)
        try:
            chain, _ = self.chain(cls)
            info = ClassInfo(module, cls, chain)
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
            # A TaskSet as the user's only task is flattened into the user, unless it holds TaskSets or
            # interrupts (then entering and leaving it again runs its on_start and on_stop again).
            if len(tasks_src) == 1 and tasks_src[0][0] == "class" and self.flat(tasks_src[0][1]):
                ts_cls = tasks_src[0][1]
                ts_chain, ts_roots = self.chain(ts_cls)
                ts_info = ClassInfo(module, ts_cls, ts_chain)
                sequential = any(TASKSET_BASES.get(r) for r in ts_roots)
                if "wait_time" in ts_info.attrs:
                    wait_node = ts_info.attrs["wait_time"]
                self.lifecycle(info, scope, "on_start", on_start, variables)
                ts_scope = self.method_scope(ts_info, session=scope.session_headers)
                ts_scope.outer = scope
                self.lifecycle(ts_info, ts_scope, "on_start", on_start, variables)
                ts_stop = []
                self.lifecycle(ts_info, ts_scope, "on_stop", ts_stop, variables)
                self.lifecycle(info, scope, "on_stop", on_stop, variables)
                on_stop = ts_stop + on_stop
                info, scope = ts_info, ts_scope
                tasks_src = self.task_entries(ts_info)
            else:
                self.lifecycle(info, scope, "on_start", on_start, variables)
                self.lifecycle(info, scope, "on_stop", on_stop, variables)
            if wait_node is not None:
                u["wait_time"] = self.wait_time(wait_node)
            if sequential:
                u["sequential"] = True
            if on_start:
                u["on_start"] = on_start
            tasks = self.tasks_of(info, scope, tasks_src, variables, 0)
            if variables:  # after the tasks: a nested TaskSet's on_start may set some
                u["variables"] = variables
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

    def flat(self, ts_cls):
        """Whether a TaskSet can be flattened into its user: no TaskSet among its tasks, no interrupt."""
        chain, _ = self.chain(ts_cls)
        if any(t[0] == "class" for t in self.task_entries(ClassInfo(self.module, ts_cls, chain))):
            return False
        return not any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "interrupt"
                       for c in chain for n in ast.walk(c))

    def tasks_of(self, info, scope, entries, variables, depth):
        """The tasks of a user or TaskSet (`depth` TaskSets deep); a TaskSet among them is a task_set."""
        tasks = []
        for entry in entries:
            if entry[0] == "class":
                t = self.task_set(entry, scope, variables, depth + 1)
            else:
                t = self.task(info, scope, entry)
            if t is not None:
                tasks.append(t)
        return tasks

    def task_set(self, entry, parent_scope, variables, depth):
        """A TaskSet among tasks: {"weight": w, "task_set": {...}}, its own tasks translated in turn."""
        _, ts_cls, weight, tags, ref = entry
        where = ts_cls.name
        errors_before = len(self.tr.errors)
        try:
            if depth > 8:
                raise Untranslatable(ref, "TaskSets nest at most 8 deep")
            chain, roots = self.chain(ts_cls)
            info = ClassInfo(self.module, ts_cls, chain)
            user_scope = parent_scope.outer or parent_scope
            scope = self.method_scope(info, session=user_scope.session_headers)
            scope.outer = user_scope  # self.user.x is the user's
            scope.in_taskset = True
            body = {"name": ts_cls.name}
            if any(TASKSET_BASES.get(r) for r in roots):
                body["sequential"] = True
            if "wait_time" in info.attrs:
                body["wait_time"] = self.wait_time(info.attrs["wait_time"])
            on_start, on_stop = [], []
            self.lifecycle(info, scope, "on_start", on_start, variables)
            self.lifecycle(info, scope, "on_stop", on_stop, variables)
            if on_start:
                body["on_start"] = on_start
            body["tasks"] = self.tasks_of(info, scope, self.task_entries(info), variables, depth)
            if on_stop:
                body["on_stop"] = on_stop
            if not body["tasks"] and len(self.tr.errors) == errors_before:
                raise Untranslatable(ts_cls, "the TaskSet has no tasks")
        except Untranslatable as e:
            self.tr.task_failed(self.module, where, e)
            return None
        t = self.tr.place({}, self.module, ref)
        if weight != 1:
            t["weight"] = weight
        if tags:
            t["tags"] = tags
        t["task_set"] = body
        return t

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
        scope.in_lifecycle = True
        scope.self_name = m.args.args[0].arg if m.args.args else "self"
        scope.locals, scope.responses, scope.uses, scope.volatile = {}, {}, {}, {}
        try:
            out.extend(self.ut.block(m.body, scope))
            check_volatile(scope)
        except Untranslatable as e:
            # on_start/on_stop cannot be left out: what follows depends on them.
            self.tr.error(self.module, e.line, e.col, "%s.%s" % (info.name, which), e.message, hint=True)
        scope.in_on_start = False
        scope.in_lifecycle = False
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
            # Locust takes @task methods (and nested @task classes) beside a tasks attribute, after it.
            for name, w, tags, node in info.task_methods:
                out.append(("class" if isinstance(node, ast.ClassDef) else "method", node, w, tags, node))
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
            check_volatile(scope)
            if not steps:
                raise Untranslatable(fn, "the task makes no request")
        except Untranslatable as e:
            self.tr.task_failed(self.module, where, e)
            return None
        except RecursionError:
            self.tr.task_failed(self.module, where, Untranslatable(fn, "the task is nested too deeply"))
            return None
        except Exception as e:  # a gap in the translator: an error at the task, never a traceback
            why = "internal error of the translator (%s: %s), please report it" % (type(e).__name__, e)
            self.tr.task_failed(self.module, where, Untranslatable(fn, why))
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
