from locust import HttpUser, task

API_KEY = "k-123"
HEADERS = {"X-Api-Key": API_KEY, "Accept": "application/json"}


class SearchUser(HttpUser):
    @task
    def search(self):
        self.client.get("/search", params={"q": "red lamp", "limit": 10, "exact": False},
                        headers=HEADERS, name="/search")

    @task
    def absolute(self):
        self.client.get("http://127.0.0.1:1/refused", headers={"X-Trace": "1"})
