from locust import User, task


class GrpcUser(User):
    @task
    def call(self):
        pass
