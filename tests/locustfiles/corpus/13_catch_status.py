from locust import HttpUser, task


class StatusUser(HttpUser):
    @task
    def create(self):
        with self.client.post("/items", json={"n": 1}, catch_response=True) as response:
            if response.status_code != 201:
                response.failure("expected 201, got " + str(response.status_code))

    @task
    def missing(self):
        with self.client.get("/items/0", name="/items/[missing]", catch_response=True) as response:
            if response.status_code == 404:
                response.success()

    @task
    def strict(self):
        with self.client.get("/items", catch_response=True) as r:
            if r.status_code in (200, 204):
                r.success()
            else:
                r.failure("bad status")
