import random
from locust import HttpUser, task


class AttrUser(HttpUser):
    def on_start(self):
        self.user_id = random.randint(1, 1000)

    @task
    def t(self):
        self.client.get(f"/users/{self.user_id}", name="/users/[id]")
