from locust import HttpUser, task, between


class ApiUser(HttpUser):
    wait_time = between(1, 2)

    def on_start(self):
        response = self.client.post("/auth/login", json={"user": "demo", "password": "demo"})
        self.token = response.json()["access_token"]
        self.client.headers.update({"Authorization": f"Bearer {self.token}"})
        self.client.headers["X-Client"] = "hornet"

    @task
    def me(self):
        self.client.get("/api/me")

    @task
    def orders(self):
        self.client.get("/api/orders", headers={"Accept": "application/json"})
