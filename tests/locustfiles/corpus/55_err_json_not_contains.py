from locust import HttpUser, task


class NegUser(HttpUser):
    @task
    def t(self):
        with self.client.get("/", catch_response=True) as r:
            if "error" in r.text:
                r.failure("error page")
