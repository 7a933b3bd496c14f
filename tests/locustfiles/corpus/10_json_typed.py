# json= bodies with values known at run time: typed templates ({{json:...}}).
import random
from locust import HttpUser, task


class OrderUser(HttpUser):
    def on_start(self):
        r = self.client.post("/session")
        self.session_id = r.json()["session"]["id"]

    @task
    def order(self):
        self.client.post("/orders", json={
            "product_id": random.randint(1, 5000),
            "quantity": random.choice([1, 2, 3]),
            "session": self.session_id,
            "note": f"session {self.session_id}",
            "gift": False,
            "tags": ["a", "b"],
            "price": 9.5,
        }, name="/orders")
