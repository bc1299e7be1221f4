/** The server's reasons for refusing to publish a quiz (publishQuiz's extensions.problems). */
export function PublishProblems({ title, problems }: { title: string; problems: readonly string[] }) {
  return (
    <div className="alert alert-error publish-problems" role="alert">
      <div>
        <strong>“{title}” can't be published yet:</strong>
        <ul>
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
