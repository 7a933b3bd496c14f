from locust import HttpUser, task


class JsonCheckUser(HttpUser):
    @task
    def user(self):
        with self.client.get("/api/users/1", name="/api/users/[id]", catch_response=True) as resp:
            if resp.json()["id"] != 1 or resp.json()["profile"]["active"] is not True:
                resp.failure("wrong user")
            if "email" not in resp.json():
                resp.failure("no email")
