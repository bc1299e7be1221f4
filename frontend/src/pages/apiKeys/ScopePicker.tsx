import { useId } from 'react';
import { SCOPE_PRESETS, applyPreset, groupScopes, presetMatches, type ScopeInfo } from '../../lib/scopes';

interface Props {
  selected: readonly string[];
  viewerScopes: readonly string[];
  onChange: (scopes: string[]) => void;
  error?: string | undefined;
}

/** Grantable scopes grouped by resource, with presets. Scopes the viewer lacks are shown disabled. */
export function ScopePicker({ selected, viewerScopes, onChange, error }: Props) {
  const groups = groupScopes();
  const errId = useId();
  const have = new Set(viewerScopes);
  const sel = new Set(selected);

  function toggle(s: ScopeInfo, on: boolean) {
    const next = new Set(sel);
    if (on) next.add(s.scope);
    else next.delete(s.scope);
    onChange([...next]);
  }

  return (
    <fieldset className="scope-picker" aria-describedby={error ? errId : undefined} aria-invalid={Boolean(error)}>
      <legend>Scopes</legend>
      <div className="presets" role="group" aria-label="Presets">
        <span className="hint">Presets:</span>
        {SCOPE_PRESETS.map((p) => {
          const { scopes, dropped } = applyPreset(p, viewerScopes);
          const active = presetMatches(p, selected, viewerScopes);
          return (
            <button
              key={p.id}
              type="button"
              className={`btn btn-small chip${active ? ' chip-active' : ''}`}
              aria-pressed={active}
              title={p.description + (dropped.length ? ` (without ${dropped.join(', ')}: your role lacks them)` : '')}
              disabled={scopes.length === 0}
              onClick={() => onChange(scopes)}
            >
              {p.label}
            </button>
          );
        })}
        <button type="button" className="btn btn-small chip" onClick={() => onChange([])}>
          Clear
        </button>
      </div>
      <div className="scope-groups">
        {groups.map((g) => (
          <fieldset key={g.resource} className="scope-group">
            <legend>{g.label}</legend>
            {g.scopes.map((s) => {
              const allowed = have.has(s.scope);
              return (
                <label key={s.scope} className={`check${allowed ? '' : ' check-disabled'}`}>
                  <input
                    type="checkbox"
                    name="scopes"
                    value={s.scope}
                    checked={sel.has(s.scope)}
                    disabled={!allowed && !sel.has(s.scope)}
                    onChange={(e) => toggle(s, e.target.checked)}
                  />
                  <span>
                    <code>{s.scope}</code> <span className="muted">{s.description}</span>
                    {!allowed && <span className="muted"> (your role lacks it)</span>}
                  </span>
                </label>
              );
            })}
          </fieldset>
        ))}
      </div>
      <p className="hint">API-key management and organization settings can never be given to a key.</p>
      {error && (
        <p className="field-error" id={errId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
