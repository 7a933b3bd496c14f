# Runs against Hornet's demo target: the failure("...") texts of catch_response blocks, recorded by
# Locust and by Hornet as CatchResponseError('text'), grouped the same way.
from locust import HttpUser, task, constant


class CatchUser(HttpUser):
    wait_time = constant(0.05)

    def on_start(self):
        self.shop = "demo"

    @task(2)
    def wrong_status(self):
        with self.client.get("/status/500", catch_response=True) as r:
            if r.status_code != 200:
                r.failure("Wrong status")

    @task
    def missing_text(self):
        # A 503 without the text: the failure() call wins over the status, in both tools.
        with self.client.get("/status/503", name="/status/[503]", catch_response=True) as r:
            if "zebra" not in r.text:
                r.failure(f"no zebra in the {self.shop} shop's 'answer'")

    @task
    def present_text(self):
        # The text is there and nothing else is tested: a 200 succeeds.
        with self.client.get("/health", catch_response=True) as r:
            if "ok" not in r.text:
                r.failure("not healthy")
