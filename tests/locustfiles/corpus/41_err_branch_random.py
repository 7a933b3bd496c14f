import random
from locust import HttpUser, task


class BranchUser(HttpUser):
    @task
    def maybe(self):
        if random.random() < 0.3:
            self.client.get("/rare")
        self.client.get("/common")
