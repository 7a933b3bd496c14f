from locust import HttpUser, task

WEIGHT = 3


class WeightUser(HttpUser):
    @task(WEIGHT)
    def bad_weight(self):
        self.client.get("/")

    @task(weight=2)
    def keyword_weight(self):
        self.client.get("/k")


class NegativeWeightUser(HttpUser):
    @task(-1)
    def negative(self):
        self.client.get("/n")
