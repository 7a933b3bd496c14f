from locust import HttpUser, task, constant


class Admin(HttpUser):
    fixed_count = 1
    wait_time = constant(5)

    @task
    def dashboard(self):
        self.client.get("/admin/dashboard")


class Reader(HttpUser):
    weight = 4

    @task
    def read(self):
        self.client.get("/articles")


class Writer(HttpUser):
    weight = 1

    @task
    def write(self):
        self.client.post("/articles", json={"title": "hello", "draft": True, "words": 120})
