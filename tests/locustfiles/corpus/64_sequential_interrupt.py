# A SequentialTaskSet that is the user's only task and ends with self.interrupt(): the user enters it
# again each time (its on_start runs again), so it is a nested task set, not flattened.
from locust import HttpUser, SequentialTaskSet, constant, task


class Checkout(SequentialTaskSet):
    def on_start(self):
        self.client.post("/cart", json={"sku": "A1"})

    @task
    def address(self):
        self.client.post("/checkout/address")

    @task(2)
    def payment(self):
        self.client.post("/checkout/payment")

    @task
    def done(self):
        self.client.get("/checkout/done")
        self.interrupt()


class Buyer(HttpUser):
    wait_time = constant(1)
    tasks = [Checkout]
