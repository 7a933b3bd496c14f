from locust import HttpUser, task


class WebsiteUser(HttpUser):
    @task
    def index(self):
        self.client.get("/")

    @task
    def checkout(self):
        r = self.client.get("/cart")
        while r.json()["items"]:
            r = self.client.delete("/cart/item")
