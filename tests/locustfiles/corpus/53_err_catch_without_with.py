from locust import HttpUser, task


class CatchUser(HttpUser):
    @task
    def t(self):
        r = self.client.get("/", catch_response=True)
        r.success()
