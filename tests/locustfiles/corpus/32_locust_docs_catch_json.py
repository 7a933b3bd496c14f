# Locust's documentation: validating a JSON response, and grouping requests with rename_request.
from json import JSONDecodeError
from locust import HttpUser, task


class JsonDocsUser(HttpUser):
    @task
    def greeting(self):
        with self.client.post("/", json={"foo": 42, "bar": None}, catch_response=True) as response:
            try:
                if response.json()["greeting"] != "hello":
                    response.failure("Did not get expected value in greeting")
            except JSONDecodeError:
                response.failure("Response could not be decoded as JSON")
            except KeyError:
                response.failure("Response did not contain expected key 'greeting'")

    @task
    def blog(self):
        with self.client.rename_request("/blog?id=[id]"):
            for i in range(2):
                self.client.get("/blog?id=%i" % i)
            self.client.get("/blog?id=9", name="/blog/nine")
