# A TaskSet inside a TaskSet (Locust's docs: ForumPage with a nested ThreadPage), tagged as a whole,
# left with interrupt(reschedule=False) from the inner one and interrupt() from the outer one.
from locust import HttpUser, TaskSet, constant, tag, task


class ForumPage(TaskSet):
    @task(10)
    def read(self):
        self.client.get("/forum/thread")

    @tag("threads")
    @task(3)
    class ThreadPage(TaskSet):
        wait_time = constant(1)

        @task(5)
        def read_post(self):
            self.client.get("/forum/post")

        @task
        def back(self):
            self.interrupt(reschedule=False)

    @task
    def leave(self):
        self.interrupt()


class ForumUser(HttpUser):
    wait_time = constant(2)
    tasks = [ForumPage]

    @task
    def index(self):
        self.client.get("/")
