"""What learners are given and hand in: one nbgrader assignment per case, the key-leak checks, the LMS intake."""
