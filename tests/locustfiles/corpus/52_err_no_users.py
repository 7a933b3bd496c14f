# A helper module only: no user class.
def helper():
    return "/x"
