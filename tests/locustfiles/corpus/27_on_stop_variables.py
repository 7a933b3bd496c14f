from locust import HttpUser, task


class LifeUser(HttpUser):
    def on_start(self):
        self.tenant = "acme"
        self.token = None
        self.client.get(f"/tenants/{self.tenant}/hello", name="/tenants/[t]/hello")

    @task
    def work(self):
        self.client.get(f"/tenants/{self.tenant}/work", name="/tenants/[t]/work")

    def on_stop(self):
        self.client.post("/logout")
