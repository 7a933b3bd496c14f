from locust import HttpUser, task


class Broken(HttpUser):
    @task
    def t(self):
        self.client.get("/"
