# Ends with an uncaught user exception with a custom __str__, raised in a method, with notes.
class ValidationError(ValueError):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field
        self.problem = problem

    def __str__(self):
        return f"{self.field}: {self.problem}"

class Form:
    def validate(self, data):
        if "email" not in data:
            err = ValidationError("email", "is required")
            err.add_note("hint: pass an email address")
            raise err
        return True

print(Form().validate({"email": "x@y"}))
Form().validate({})
