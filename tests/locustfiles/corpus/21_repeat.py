import random
from locust import HttpUser, task


class BrowseUser(HttpUser):
    @task
    def browse(self):
        self.client.get("/products")
        for _ in range(random.randint(2, 5)):
            self.client.get(f"/products/{random.randint(1, 50)}", name="/products/[id]")
        for _ in range(3):
            self.client.get("/cart")
            for _ in range(random.randint(0, 2)):
                self.client.get("/recommendations")
