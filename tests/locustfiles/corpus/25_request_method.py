from locust import HttpUser, task


class MethodUser(HttpUser):
    @task
    def verbs(self):
        self.client.request("GET", "/a")
        self.client.request("PROPFIND", "/dav", name="propfind")
        self.client.delete("/items/1", name="/items/[id]")
        self.client.patch("/items/1", json={"a": 1}, name="/items/[id]")
        self.client.head("/")
        self.client.options("/")
