from locust import HttpUser, task


class FormUser(HttpUser):
    @task
    def login(self):
        self.client.post("/login", data={"username": "demo", "password": "s3cret", "remember": True})
