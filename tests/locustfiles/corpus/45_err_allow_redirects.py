from locust import HttpUser, task


class RedirectUser(HttpUser):
    @task
    def t(self):
        self.client.get("/old", allow_redirects=False)
