"""scenarios/schema.json: a valid draft 2020-12 schema that accepts every example scenario and
refuses typical mistakes (the loader stays the validator at run time; the schema is for editors)."""
import glob
import json
import os

import pytest

jsonschema = pytest.importorskip("jsonschema")  # Debian: python3-jsonschema (scripts/install-deps.sh)

SOURCE_DIR = os.environ.get("HORNET_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "../.."))
SCENARIOS = os.path.join(SOURCE_DIR, "scenarios")


@pytest.fixture(scope="module")
def validator():
    with open(os.path.join(SCENARIOS, "schema.json")) as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def example_files():
    return sorted(p for p in glob.glob(os.path.join(SCENARIOS, "*.json")) if os.path.basename(p) != "schema.json")


def test_there_are_examples():
    assert len(example_files()) >= 3


@pytest.mark.parametrize("path", example_files(), ids=os.path.basename)
def test_example_validates(validator, path):
    with open(path) as f:
        doc = json.load(f)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)]
    assert errors == []


def test_every_feature_validates(validator):
    doc = {
        "$schema": "./schema.json",
        "data": {"customers": {"file": "customers.csv", "order": "random"}},
        "thresholds": ["p95<300ms", "GET /a: fail_ratio<1%"],
        "stages": [{"duration": "1m30s", "users": 10, "spawn_rate": 2.5}, {"duration": 30, "users": 0}],
        "users": [{
            "name": "A", "weight": 2, "wait_time": {"between": [1, 2]}, "host": "{{env.TARGET|http://127.0.0.1:5000}}",
            "tls_verify": True, "ca_file": "certs/staging-ca.pem",
            "variables": {"password": "pw"},
            "on_start": [{"post": "/login", "form": {"user": "{{customers.email}}", "n": 1},
                          "extract": {"token": {"cookie": "sid"}, "id": {"regex": "id=(\\d+)"}}}],
            "tasks": [
                {"weight": 3, "tags": ["read"], "get": "/a", "query": {"q": "x", "all": True},
                 "check": {"status": [200, 404], "body_contains": "ok", "json": {"/id": 5}, "json_exists": ["/a"], "max_ms": 100}},
                {"name": "flow", "on_failure": "skip_task", "steps": [
                    {"method": "PATCH", "path": "/x/{{id}}", "name": "/x/[id]", "json": {"a": ["{{random.uuid}}"]},
                     "headers": {"X-Token": "{{token}}"}},
                    {"repeat": [0, 3], "on_failure": "continue", "steps": [{"delete": "/d"}]}]},
                {"weight": 1, "repeat": 2, "steps": [{"get": "/r"}]},
                {"weight": 2, "tags": ["browse"], "task_set": {
                    "name": "Browse", "sequential": True, "wait_time": {"constant": 0.5},
                    "on_start": [{"get": "/enter"}], "on_stop": [{"get": "/leave"}],
                    "tasks": [{"get": "/list", "check": {"status": 200, "message": "Wrong list"}},
                              {"task_set": {"tasks": [{"get": "/deep"}, {"interrupt": True}]}},
                              {"name": "last", "steps": [{"get": "/l"}, {"interrupt": {"reschedule": False}}]},
                              {"weight": 1, "interrupt": True}]}},
            ],
        }],
    }
    assert list(validator.iter_errors(doc)) == []


def user(**task):
    return {"users": [{"name": "A", "tasks": [task]}]}


@pytest.mark.parametrize("doc", [
    {},                                                            # no users
    {"users": []},                                                 # no classes
    {"users": [{"name": "A", "wieght": 1, "tasks": [{"get": "/"}]}]},  # misspelt class key
    user(get="/", post="/"),                                       # two methods
    user(get="api"),                                               # path without /
    user(get="/", heders={}),                                      # misspelt step key
    user(post="/", body="x", json={}),                             # two bodies
    user(get="/", check={"status": 600}),                          # status out of range
    user(get="/", check={"stauts": 200}),                          # misspelt check key
    user(get="/", extract={"id": {"json": "id"}}),                 # pointer without /
    user(get="/", extract={"my-id": {"json": "/id"}}),             # bad variable name
    user(get="/", on_failure="stop"),                              # bad on_failure
    user(repeat=0, steps=[{"get": "/"}]),                          # repeat out of range
    user(weight=-1, get="/"),                                      # negative weight
    user(get="/", check={"status": 200, "message": ""}),           # empty failure message
    user(task_set={"name": "B"}),                                  # a task set without tasks
    user(task_set={"tasks": [{"get": "/"}], "wait": 1}),           # misspelt task set key
    user(task_set={"tasks": [{"interrupt": False}]}),              # interrupt false
    user(task_set={"tasks": [{"interrupt": {"reschedul": False}}]}),  # misspelt reschedule
    {"users": [{"name": "A", "tls_verify": "yes", "tasks": [{"get": "/"}]}]},  # tls_verify not a boolean
    {"users": [{"name": "A", "ca_file": "", "tasks": [{"get": "/"}]}]},  # empty CA file path
    {"users": [{"name": "A", "tls_verify": False, "ca_file": "ca.pem", "tasks": [{"get": "/"}]}]},  # CA file without checking
    {"data": {"random": {"file": "x.csv"}}, "users": [{"name": "A", "tasks": [{"get": "/"}]}]},  # reserved set name
    {"thresholds": "p95<300ms", "users": [{"name": "A", "tasks": [{"get": "/"}]}]},  # thresholds not a list
    {"stages": [], "users": [{"name": "A", "tasks": [{"get": "/"}]}]},  # no stages
    {"stages": [{"duration": "2x", "users": 1}], "users": [{"name": "A", "tasks": [{"get": "/"}]}]},  # bad duration
    {"stages": [{"duration": 5}], "users": [{"name": "A", "tasks": [{"get": "/"}]}]},  # neither users nor rate
    {"stages": [{"duration": 5, "users": 1, "rate": 2}], "users": [{"name": "A", "tasks": [{"get": "/"}]}]},  # both
    {"stages": [{"duration": 5, "rate": 2, "spawn_rate": 1}], "users": [{"name": "A", "tasks": [{"get": "/"}]}]},
    {"stages": [{"duration": 5, "users": 2, "ramp": True}], "users": [{"name": "A", "tasks": [{"get": "/"}]}]},
], ids=lambda d: json.dumps(d)[:60])
def test_mistakes_are_refused(validator, doc):
    assert list(validator.iter_errors(doc)) != []


def test_open_model_stages_validate(validator):
    doc = {"stages": [{"duration": "5m", "rate": 0.5}, {"duration": 60, "rate": 20, "ramp": True}],
           "users": [{"name": "A", "tasks": [{"get": "/"}]}]}
    assert list(validator.iter_errors(doc)) == []
