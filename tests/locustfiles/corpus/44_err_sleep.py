import time
from locust import HttpUser, task


class SleepyUser(HttpUser):
    @task
    def t(self):
        self.client.get("/a")
        time.sleep(1)
        self.client.get("/b")
