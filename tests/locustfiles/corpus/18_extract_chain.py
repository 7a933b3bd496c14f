from locust import HttpUser, task


class ChainUser(HttpUser):
    @task
    def create_and_read(self):
        r = self.client.post("/api/users/", json={"name": "Ann"})
        user_id = r.json()["id"]
        self.location = r.headers["Location"]
        self.client.get(f"/api/users/{user_id}", name="/api/users/[id]")
        self.client.get(self.location, name="location")
        first = self.client.get("/api/users/").json()["items"][0]["name"]
        self.client.get("/search", params={"q": first}, name="/search")
