from locust import HttpUser, TaskSet, task


class Browse(TaskSet):
    def on_start(self):
        self.interrupt()

    @task
    def list(self):
        self.client.get("/list")

    @task
    def maybe(self):
        self.interrupt(1)


class Visitor(HttpUser):
    tasks = {Browse: 3}

    @task
    def home(self):
        self.client.get("/")
        self.interrupt()
