import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useViewer } from '../../data/viewer';
import { canSee, sectionById, type SectionId } from '../../lib/nav';

/** Hides a staff page from viewers whose scopes don't include it (the server refuses it anyway). */
export function RequireSection({ id, children }: { id: SectionId; children: ReactNode }) {
  const { viewer, slug } = useViewer();
  const section = sectionById(id);
  if (!canSee(section, viewer.scopes)) {
    return (
      <section aria-labelledby="noaccess-title">
        <h1 id="noaccess-title">Not available</h1>
        <p>Your role doesn't include {section.label.toLowerCase()}.</p>
        <p>
          <Link to={`/org/${slug}/dashboard`}>Back to the dashboard</Link>
        </p>
      </section>
    );
  }
  return <>{children}</>;
}
