from locust import HttpUser, constant


def index(user):
    user.client.get("/")


def about(user):
    user.client.get("/about/")


class MyUser(HttpUser):
    tasks = {index: 3, about: 1}
    wait_time = constant(1)
