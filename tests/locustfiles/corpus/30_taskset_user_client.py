from locust import HttpUser, SequentialTaskSet, task, constant


class Flow(SequentialTaskSet):
    def on_start(self):
        self.user.client.get("/flow/start")

    @task
    def first(self):
        self.user.client.get("/flow/1")

    @task
    def second(self):
        self.client.get("/flow/2")


class FlowUser(HttpUser):
    wait_time = constant(0.5)
    host = "http://127.0.0.1:5000"
    tasks = [Flow]
