import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CreateTournamentMutation, RoundChoicesQuery, TournamentQuery, UpdateTournamentMutation } from './operations';
import { emptyForm, formOf, inputOf, moveRound, type TournamentForm } from './model';
import type { Role, TournamentEntryRule } from '../../gql/graphql';
import { useViewer } from '../../data/viewer';
import { useAction } from '../../data/useAction';
import { ErrorMessage, Field, Spinner } from '../../components/ui';

const ROLES: Role[] = ['OWNER', 'ADMIN', 'TEACHER', 'STUDENT'];
const RULES: { value: TournamentEntryRule; label: string }[] = [
  { value: 'EVERY_MEMBER', label: 'Every member (entered at their first round)' },
  { value: 'ROLES', label: 'Members of chosen roles' },
  { value: 'REGISTERED', label: 'Only those who register (or pay the fee)' },
];

/** Create a tournament, or edit one (what may change depends on its status: the server says). */
export function TournamentFormPage() {
  const { tournamentId } = useParams();
  const editing = tournamentId != null;
  const [{ data: existing, fetching, error }] = useQuery({
    query: TournamentQuery,
    variables: { id: tournamentId ?? '', first: 1 },
    pause: !editing,
  });
  const stored = existing?.node?.__typename === 'Tournament' ? existing.node : null;
  if (!editing) return <TournamentFormFields initial={emptyForm()} />;
  if (error) return <ErrorMessage error={error} />;
  if (fetching || !stored) return <Spinner label="Loading the tournament…" />;
  return <TournamentFormFields key={stored.id} tournamentId={stored.id} name={stored.name} initial={formOf(stored)} />;
}

interface FormProps {
  initial: TournamentForm;
  tournamentId?: string;
  name?: string;
}

function TournamentFormFields({ initial, tournamentId, name }: FormProps) {
  const { slug } = useViewer();
  const editing = tournamentId != null;
  const navigate = useNavigate();
  const [{ data: quizData }] = useQuery({ query: RoundChoicesQuery, variables: { slug } });
  const quizzes = (quizData?.organization?.quizzes?.edges ?? []).map((e) => e.node);
  const [form, setForm] = useState<TournamentForm>(initial);
  const create = useAction(CreateTournamentMutation);
  const update = useAction(UpdateTournamentMutation);
  const action = editing ? update : create;
  const [localError, setLocalError] = useState<Record<string, string>>({});
  const errors = { ...action.fieldErrors, ...localError };
  const set = <K extends keyof TournamentForm>(key: K, value: TournamentForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = inputOf(form);
    const bad: Record<string, string> = {};
    if (Number.isNaN(input.winnersCount)) bad.winnersCount = 'a whole number';
    if (Number.isNaN(input.maxEntrants)) bad.maxEntrants = 'a whole number, or empty for no cap';
    if (input.entryFee && Number.isNaN(input.entryFee.amount)) bad['entryFee.amount'] = 'whole minor units (1999 for 19.99)';
    setLocalError(bad);
    if (Object.keys(bad).length) return;
    const root = `/org/${slug}/dashboard/tournaments`;
    if (tournamentId != null) {
      const r = await update.run({ input: { id: tournamentId, ...input } });
      if (r.ok) navigate(`${root}/${encodeURIComponent(tournamentId)}`);
    } else {
      const r = await create.run({ input });
      if (r.ok) navigate(`${root}/${encodeURIComponent(r.data.createTournament.tournament.id)}`);
    }
  }

  const unused = quizzes.filter((q) => !form.rounds.includes(q.id));
  const titleOf = (id: string) => quizzes.find((q) => q.id === id)?.title ?? 'A quiz';
  return (
    <section aria-labelledby="tf-title">
      <div className="page-head">
        <h1 id="tf-title">{editing ? `Edit ${name ?? 'tournament'}` : 'New tournament'}</h1>
      </div>
      <form className="card form-grid" onSubmit={submit} noValidate>
        <Field label="Name" error={errors.name}>
          {(p) => <input {...p} value={form.name} onChange={(e) => set('name', e.target.value)} required maxLength={200} />}
        </Field>
        <fieldset>
          <legend>Rounds, in play order</legend>
          {errors.rounds && <p className="field-error">{errors.rounds}</p>}
          <ol data-testid="tournament-rounds">
            {form.rounds.map((id, index) => (
              <li key={id}>
                {titleOf(id)}
                {errors[`rounds[${index}]`] && <span className="field-error"> {errors[`rounds[${index}]`]}</span>}{' '}
                <button type="button" className="btn btn-small" onClick={() => set('rounds', moveRound(form.rounds, index, -1))} aria-label={`Move ${titleOf(id)} up`}>
                  ↑
                </button>
                <button type="button" className="btn btn-small" onClick={() => set('rounds', moveRound(form.rounds, index, 1))} aria-label={`Move ${titleOf(id)} down`}>
                  ↓
                </button>
                <button type="button" className="btn btn-small" onClick={() => set('rounds', form.rounds.filter((r) => r !== id))} aria-label={`Remove ${titleOf(id)}`}>
                  Remove
                </button>
              </li>
            ))}
          </ol>
          <Field label="Add a round (published quizzes)">
            {(p) => (
              <select {...p} value="" onChange={(e) => e.target.value && set('rounds', [...form.rounds, e.target.value])}>
                <option value="">Choose a quiz…</option>
                {unused.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
        <Field label="Starts" error={errors.startsAt}>
          {(p) => <input {...p} type="datetime-local" value={form.startsAt} onChange={(e) => set('startsAt', e.target.value)} />}
        </Field>
        <Field label="Ends" error={errors.endsAt}>
          {(p) => <input {...p} type="datetime-local" value={form.endsAt} onChange={(e) => set('endsAt', e.target.value)} />}
        </Field>
        <Field label="Who takes part" error={errors.entryRule}>
          {(p) => (
            <select {...p} value={form.entryRule} onChange={(e) => set('entryRule', e.target.value as TournamentEntryRule)}>
              {RULES.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {form.entryRule === 'ROLES' && (
          <fieldset>
            <legend>Roles that may enter</legend>
            {errors.entryRoles && <p className="field-error">{errors.entryRoles}</p>}
            {ROLES.map((role) => (
              <label key={role} className="check">
                <input
                  type="checkbox"
                  checked={form.entryRoles.includes(role)}
                  onChange={(e) => set('entryRoles', e.target.checked ? [...form.entryRoles, role] : form.entryRoles.filter((r) => r !== role))}
                />{' '}
                {role.toLowerCase()}
              </label>
            ))}
          </fieldset>
        )}
        {form.entryRule === 'REGISTERED' && (
          <>
            <Field label="Entry fee in minor units (empty: free)" hint="1999 is 19.99" error={errors['entryFee.amount'] ?? errors.entryFee}>
              {(p) => <input {...p} inputMode="numeric" value={form.feeAmount} onChange={(e) => set('feeAmount', e.target.value)} />}
            </Field>
            <Field label="Fee currency (ISO 4217)" error={errors['entryFee.currency']}>
              {(p) => <input {...p} value={form.feeCurrency} maxLength={3} onChange={(e) => set('feeCurrency', e.target.value)} />}
            </Field>
          </>
        )}
        <Field label="Most entrants (empty: no cap)" error={errors.maxEntrants}>
          {(p) => <input {...p} inputMode="numeric" value={form.maxEntrants} onChange={(e) => set('maxEntrants', e.target.value)} />}
        </Field>
        <Field label="Winners (top N)" error={errors.winnersCount}>
          {(p) => <input {...p} inputMode="numeric" value={form.winnersCount} onChange={(e) => set('winnersCount', e.target.value)} />}
        </Field>
        <label className="check">
          <input type="checkbox" checked={form.certificatesForWinners} onChange={(e) => set('certificatesForWinners', e.target.checked)} /> Certificates for the winners
        </label>
        {action.error && <ErrorMessage message={action.error} />}
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={action.busy}>
            {editing ? 'Save' : 'Create tournament'}
          </button>
          <Link className="btn" to={`/org/${slug}/dashboard/tournaments`}>
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}
