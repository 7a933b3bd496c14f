from locust import HttpUser, task


class RedirectUser(HttpUser):
    # A login that answers 302: checked as such, not followed.
    @task
    def t(self):
        with self.client.get("/redirect/1", allow_redirects=False, catch_response=True) as r:
            if r.status_code != 302:
                r.failure("expected the redirect itself")

    @task
    def followed(self):
        self.client.get("/redirect/2", allow_redirects=True)
