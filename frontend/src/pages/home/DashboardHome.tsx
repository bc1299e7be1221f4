import { Link } from 'react-router';
import { useViewer } from '../../data/viewer';
import { visibleSections } from '../../lib/nav';

export function DashboardHome() {
  const { viewer, slug } = useViewer();
  const sections = visibleSections(viewer.scopes).filter((s) => s.id !== 'overview');
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">Welcome, {viewer.member?.displayName ?? 'there'}</h1>
      <p className="muted">
        {viewer.organization?.name} · signed in as {viewer.role?.toLowerCase() ?? viewer.kind.toLowerCase()}
      </p>
      <ul className="tiles">
        {sections.map((s) => (
          <li key={s.id}>
            <Link className="tile" to={`/org/${slug}/dashboard/${s.path}`}>
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
