"""The demo org ``acme-academy`` that ``make run`` loads: staff, students, published
quizzes and a few weeks of attempts, made through the services (``loader``) from the
plain data in ``content``."""
