from locust import HttpUser, task


class TextUser(HttpUser):
    @task
    def home(self):
        with self.client.get("/", catch_response=True) as response:
            if "Welcome" not in response.text:
                response.failure("no welcome")
            elif response.status_code != 200:
                response.failure("not 200")

    @task
    def docs(self):
        with self.client.get("/docs", catch_response=True) as response:
            if "Documentation" in response.text and response.status_code == 200:
                response.success()
            else:
                response.failure("no docs")
