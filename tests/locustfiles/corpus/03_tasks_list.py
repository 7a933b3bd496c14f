from locust import HttpUser, between


class ListUser(HttpUser):
    wait_time = between(0.5, 1.5)

    def browse(self):
        self.client.get("/products")

    def cart(self):
        self.client.get("/cart")

    def account(self):
        self.client.get("/account")

    tasks = [browse, (cart, 2), account]
