from locust import HttpUser, TaskSet, task


class Browse(TaskSet):
    @task
    def list(self):
        self.client.get("/list")

    @task
    def leave(self):
        self.interrupt()


class Visitor(HttpUser):
    tasks = {Browse: 3}

    @task
    def home(self):
        self.client.get("/")
