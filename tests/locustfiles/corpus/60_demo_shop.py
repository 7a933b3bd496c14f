# Runs against Hornet's demo target (hornet demo-target): the integration and equivalence tests
# start it with Locust and with Hornet and compare what each reports.
import random
from locust import HttpUser, task, tag, constant

SEARCH_WORDS = ["lamp", "chair", "desk"]


def search_path(word):
    return "/products/search?q=" + word


class ShopUser(HttpUser):
    wait_time = constant(0.05)

    def on_start(self):
        with self.client.post("/api/users", json={"dni": "12345678Z", "name": "Ann"}, catch_response=True) as r:
            if r.status_code != 201:
                r.failure("not created")
            self.user_id = r.json()["id"]

    @task(3)
    def read_user(self):
        self.client.get(f"/api/users/{self.user_id}", name="/api/users/[id]")

    @tag("health")
    @task(2)
    def health(self):
        self.client.get("/health")
        for _ in range(random.randint(1, 2)):
            self.client.get("/state")

    @task
    def search(self):
        self.client.get(search_path(random.choice(SEARCH_WORDS)), name="/products/search")

    @task
    def expected_404(self):
        with self.client.get("/status/404", catch_response=True) as response:
            if response.status_code == 404:
                response.success()

    @task
    def server_error(self):
        self.client.get("/status/500")
