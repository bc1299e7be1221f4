import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { IntegrityRulesQuery, UpdateIntegrityRulesMutation } from './operations';
import { useViewer } from '../../data/viewer';
import { useAction } from '../../data/useAction';
import { ErrorMessage, Field, Notice, Spinner } from '../../components/ui';
import { RULES, draftOf, rulesInput, type RuleKey, type RulesDraft } from './model';

/** The org's thresholds (owners and admins: integrity:read and members:write). */
export function IntegrityRulesEditor() {
  const { slug } = useViewer();
  const [{ data, fetching, error }, refetch] = useQuery({ query: IntegrityRulesQuery, variables: { slug }, requestPolicy: 'cache-and-network' });
  const rules = data?.organization?.integrityRules;
  return (
    <section aria-labelledby="rules-title" className="card integrity-rules">
      <h2 id="rules-title">Rules</h2>
      <p className="small muted">
        The most each count may reach; one more flags the attempt. Leave a box empty to record without checking. Students are told what is recorded
        before they start.
      </p>
      {fetching && !rules ? (
        <Spinner label="Loading the rules…" />
      ) : error && !rules ? (
        <ErrorMessage error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : rules ? (
        <RulesForm key={JSON.stringify(rules)} current={rules} />
      ) : null}
    </section>
  );
}

function RulesForm({ current }: { current: Partial<Record<RuleKey, number | null>> }) {
  const update = useAction(UpdateIntegrityRulesMutation);
  const [draft, setDraft] = useState<RulesDraft>(() => draftOf(current));
  const [errors, setErrors] = useState<Partial<Record<RuleKey, string>>>({});
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const { input, errors: found } = rulesInput(draft, current);
    setErrors(found);
    if (Object.keys(found).length || Object.keys(input).length === 0) return;
    const r = await update.run({ input });
    if (r.ok) setSaved(true);
  }

  return (
    <form onSubmit={submit} aria-label="Integrity rules" noValidate>
      <div className="rules-grid">
        {RULES.map((rule) => (
          <Field key={rule.key} label={rule.label} hint={rule.hint} error={errors[rule.key] ?? update.fieldErrors[rule.key]}>
            {(p) => (
              <input
                {...p}
                type="number"
                inputMode="numeric"
                min={rule.min}
                max={rule.max}
                placeholder="Not checked"
                value={draft[rule.key]}
                onChange={(e) => setDraft((d) => ({ ...d, [rule.key]: e.target.value }))}
              />
            )}
          </Field>
        ))}
      </div>
      <ErrorMessage message={update.error} />
      {saved && <Notice kind="success">The rules are saved; they judge attempts from the next event on.</Notice>}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={update.busy}>
          {update.busy ? 'Saving…' : 'Save the rules'}
        </button>
      </div>
    </form>
  );
}
