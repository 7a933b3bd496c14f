from locust import HttpUser, task, constant


class BaseUser(HttpUser):
    abstract = True
    wait_time = constant(1)
    host = "http://127.0.0.1:5000"

    @task
    def health(self):
        self.client.get("/health")


class MobileUser(BaseUser):
    @task(2)
    def feed(self):
        self.client.get("/mobile/feed")


class DesktopUser(BaseUser):
    wait_time = constant(2)

    @task(2)
    def health(self):
        self.client.get("/health", name="health-desktop")
