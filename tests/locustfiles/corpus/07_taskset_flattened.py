from locust import HttpUser, TaskSet, task, constant


class Forum(TaskSet):
    wait_time = constant(2)

    def on_start(self):
        self.client.get("/forum/enter")

    @task(4)
    def threads(self):
        self.client.get("/forum/threads")

    @task
    def post(self):
        self.client.post("/forum/threads", data={"title": "hi", "body": "text"})

    def on_stop(self):
        self.client.get("/forum/leave")


class ForumUser(HttpUser):
    wait_time = constant(10)

    @task
    class Inner(Forum):
        pass
