from locust import HttpUser, task

PREFIX = "/api/v2"
VERSION = 3


class StringUser(HttpUser):
    @task
    def concat(self):
        self.client.get(PREFIX + "/items/" + str(VERSION))

    @task
    def fmt(self):
        self.client.get("{}/things/{name}".format(PREFIX, name="box"))

    @task
    def braces(self):
        self.client.post(f"{PREFIX}/raw", data="a {{literal}} brace")

    @task
    def joined(self):
        self.client.get("/".join(["", "a", "b", "c"]))
