from locust import HttpUser, SequentialTaskSet, task, between


class Checkout(SequentialTaskSet):
    @task
    def view(self):
        self.client.get("/products/1", name="/products/[id]")

    @task(2)
    def add(self):
        self.client.post("/cart", json={"product": 1})

    @task
    def pay(self):
        self.client.post("/checkout")


class Shopper(HttpUser):
    wait_time = between(1, 2)
    tasks = [Checkout]
