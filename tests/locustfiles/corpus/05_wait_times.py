from locust import HttpUser, task, constant_pacing, constant_throughput
from locust import between as b


class Pacing(HttpUser):
    wait_time = constant_pacing(2)

    @task
    def t(self):
        self.client.get("/pacing")


class Throughput(HttpUser):
    wait_time = constant_throughput(0.5)

    @task
    def t(self):
        self.client.get("/throughput")


class Aliased(HttpUser):
    wait_time = b(1, 2)

    @task
    def t(self):
        self.client.get("/aliased")
