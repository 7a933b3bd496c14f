import time
from locust import HttpUser, task


class First(HttpUser):
    @task
    def a(self):
        try:
            self.client.get("/a")
        except Exception:
            pass

    @task
    def b(self):
        self.client.get("/b", timeout=3)


class Second(HttpUser):
    wait_time = lambda self: 1

    @task
    def c(self):
        self.client.get("/c")
