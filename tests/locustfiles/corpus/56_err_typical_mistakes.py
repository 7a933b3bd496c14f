# Mistakes people make when writing a first locustfile.
import random
from locust import HttpUser, task


class MistakeUser(HttpUser):
    @task
    def takes_an_argument(self, item_id):
        self.client.get(f"/items/{item_id}")

    @task
    def dynamic_name(self):
        for i in range(2):
            self.client.get(f"/items/{i}", name="/items/" + str(random.randint(1, 9)))

    @task
    def path_without_slash(self):
        self.client.get("items")

    @task
    def empty(self):
        pass
