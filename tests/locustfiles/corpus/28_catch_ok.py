from locust import HttpUser, task


class OkUser(HttpUser):
    @task
    def anything(self):
        with self.client.get("/maybe", catch_response=True) as r:
            r.success()

    @task
    def ok(self):
        with self.client.get("/ok", catch_response=True) as r:
            if not r.ok:
                r.failure("not ok")
            self.etag = r.headers["ETag"]
        self.client.get("/ok", headers={"If-None-Match": self.etag})
