import json
from locust import HttpUser, task

XML = "<order><id>1</id></order>"


class RawUser(HttpUser):
    @task
    def xml(self):
        self.client.post("/xml", data=XML, headers={"Content-Type": "application/xml"})

    @task
    def text(self):
        self.client.put("/notes/1", data="plain " + "text", name="/notes/[id]")
