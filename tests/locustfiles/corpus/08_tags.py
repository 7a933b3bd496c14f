from locust import HttpUser, task, tag


class Tagged(HttpUser):
    @tag("read")
    @task(3)
    def list(self):
        self.client.get("/items")

    @tag("write", "slow")
    @task
    def create(self):
        self.client.post("/items", json={"name": "x"})

    @task
    def untagged(self):
        self.client.get("/health")
