# The HTTP constructs of Locust's documentation (writing a locustfile, HttpUser, catch_response).
from locust import HttpUser, task, between


class MyUser(HttpUser):
    wait_time = between(5, 15)

    def on_start(self):
        self.client.post("/login", {"username": "testuser", "password": "secret"})

    @task(4)
    def index(self):
        self.client.get("/")

    @task(1)
    def about(self):
        self.client.get("/about/")

    @task
    def blog(self):
        for i in range(3):
            self.client.get("/blog?id=%i" % i, name="/blog?id=[id]")

    @task
    def not_found(self):
        with self.client.get("/does_not_exist/", catch_response=True) as response:
            if response.status_code == 404:
                response.success()

    @task
    def too_slow(self):
        with self.client.get("/", catch_response=True) as response:
            if response.elapsed.total_seconds() > 0.5:
                response.failure("Request took too long")
