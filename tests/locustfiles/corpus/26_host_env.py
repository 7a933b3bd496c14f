import os
from locust import HttpUser, task

TARGET = os.environ.get("TARGET_HOST", "http://127.0.0.1:8000")


class EnvHostUser(HttpUser):
    host = TARGET

    @task
    def t(self):
        self.client.get("/", allow_redirects=True)
