# Runs against Hornet's demo target: nested TaskSets beside a task, a SequentialTaskSet inside a
# TaskSet, interrupt() and interrupt(reschedule=False). Locust and Hornet must show the same entries
# in the same proportions.
from locust import HttpUser, SequentialTaskSet, TaskSet, constant, task


class Checkout(SequentialTaskSet):
    @task
    def cart(self):
        self.client.get("/bytes/1", name="/checkout/cart")

    @task
    def pay(self):
        self.client.get("/bytes/2", name="/checkout/pay")
        self.interrupt()


class Browse(TaskSet):
    wait_time = constant(0.02)
    tasks = {Checkout: 1}

    def on_start(self):
        self.client.get("/state", name="/browse/enter")

    @task(3)
    def health(self):
        self.client.get("/health")

    @task
    def leave(self):
        self.interrupt(reschedule=False)

    def on_stop(self):
        self.client.get("/status/200", name="/browse/leave")


class NestedUser(HttpUser):
    wait_time = constant(0.03)
    tasks = {Browse: 2}

    @task
    def search(self):
        self.client.get("/products/search?q=lamp", name="/products/search")
