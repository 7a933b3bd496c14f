from locust import HttpUser, TaskSet, task, between


class Shop(TaskSet):
    @task(2)
    def orders(self):
        self.client.get("/orders", headers={"Authorization": "Bearer " + self.user.token})

    @task
    def profile(self):
        self.client.get(f"/profile/{self.user.username}", name="/profile/[name]")


class ShopUser(HttpUser):
    wait_time = between(1, 2)
    username = "demo"
    tasks = [Shop]

    def on_start(self):
        self.token = self.client.post("/login", json={"username": self.username, "password": "pw"}).json()["token"]
