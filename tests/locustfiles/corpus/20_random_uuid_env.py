import os
import random
import uuid
from uuid import uuid4
from locust import HttpUser, task


class RandomUser(HttpUser):
    @task
    def product(self):
        self.client.get(f"/products/{random.randint(1, 500)}", name="/products/[id]")

    @task
    def color(self):
        self.client.get("/colors/" + random.choice(["red", "green", "blue"]), name="/colors/[c]")

    @task
    def create(self):
        self.client.post("/events", json={"id": str(uuid.uuid4()), "trace": str(uuid4())},
                         headers={"X-Env": os.environ["DEPLOY_ENV"], "X-Region": os.getenv("REGION", "eu")})
