"""Throughput anchor: Locust FastHttpUser, one task GET /, no wait."""
from locust import task
from locust.contrib.fasthttp import FastHttpUser


class ZeroWait(FastHttpUser):
    @task
    def index(self):
        self.client.get("/")
