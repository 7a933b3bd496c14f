import random
from locust import HttpUser, task


class ReuseUser(HttpUser):
    @task
    def t(self):
        pid = random.randint(1, 100)
        self.client.get(f"/products/{pid}", name="/products/[id]")
        self.client.get(f"/products/{pid}/reviews", name="/products/[id]/reviews")
