from locust import HttpUser, task, between

BASE = "/shop"
PAGES = ["home", "about", "contact"]


def product_url(pid, variant="std"):
    """Build a product URL."""
    return f"{BASE}/products/{pid}?variant={variant}"


class HelperUser(HttpUser):
    wait_time = between(1, 2)

    def login(self):
        self.client.post("/login", json={"user": "u"})

    def on_start(self):
        self.login()

    @task
    def product(self):
        self.client.get(product_url(7), name="/shop/products/[id]")
        self.client.get(product_url(8, variant="xl"), name="/shop/products/[id]")

    @task
    def pages(self):
        for page in PAGES:
            self.client.get(f"/{page}")
