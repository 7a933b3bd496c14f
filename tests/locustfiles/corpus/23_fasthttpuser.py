from locust import task, between
from locust.contrib.fasthttp import FastHttpUser


class FastUser(FastHttpUser):
    host = "http://127.0.0.1:5000"
    wait_time = between(0.1, 0.2)

    @task
    def index(self):
        self.client.get("/")
