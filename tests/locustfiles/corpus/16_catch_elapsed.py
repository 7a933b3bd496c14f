from locust import HttpUser, task


class SlowUser(HttpUser):
    @task
    def report(self):
        with self.client.get("/report", catch_response=True) as response:
            if response.elapsed.total_seconds() > 0.5:
                response.failure("Request took too long")
