# A TaskSet beside the user's own task (tasks = {Browse: 3} plus @task), with its own on_start,
# on_stop and wait_time; a task that leaves it with self.interrupt().
from locust import HttpUser, TaskSet, between, constant, tag, task


class Browse(TaskSet):
    wait_time = constant(0.5)

    def on_start(self):
        self.client.get("/catalog")

    @task(4)
    def item(self):
        self.client.get("/list")

    @tag("leave")
    @task
    def leave(self):
        self.client.get("/cart")
        self.interrupt()
        self.client.get("/never")  # after interrupt(): not run, as in Locust

    def on_stop(self):
        self.client.get("/catalog/close")


class Visitor(HttpUser):
    wait_time = between(1, 2)
    tasks = {Browse: 3}

    @task
    def home(self):
        self.client.get("/")
