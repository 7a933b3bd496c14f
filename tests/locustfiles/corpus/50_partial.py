# Translated with --partial: the loop task is left out with a warning.
from locust import HttpUser, task


class PartialUser(HttpUser):
    @task
    def fine(self):
        self.client.get("/fine")

    @task
    def loops(self):
        while True:
            self.client.get("/forever")
