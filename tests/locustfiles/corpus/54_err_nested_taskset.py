from locust import HttpUser, TaskSet, task


class Inner(TaskSet):
    @task
    def x(self):
        self.client.get("/x")


class Outer(TaskSet):
    tasks = [Inner]


class DeepUser(HttpUser):
    tasks = [Outer]
