from locust import HttpUser, task

BASE_URL = "/api"


class TypoUser(HttpUser):
    @task
    def t(self):
        self.client.get(BASE_ULR + "/x")
