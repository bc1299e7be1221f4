"""The one description every mutation's ``input`` argument shares."""

import strawberry

INPUT = strawberry.argument(description="The mutation's fields, as one input object.")
