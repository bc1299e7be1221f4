"""Taking quizzes: attempts, their answers, deadlines and server-side scoring."""
