/** Placeholder: the live leaderboard (query + `leaderboardUpdated` subscription) lands with the leaderboard issue. */
export function LeaderboardPage() {
  return (
    <section aria-labelledby="lb-title">
      <h1 id="lb-title">Leaderboard</h1>
      <p className="muted">The live leaderboard will appear here.</p>
    </section>
  );
}
