import { useId } from 'react';
import { SCOPE_PRESETS, applyPreset, groupScopes, presetMatches, type ScopeDefinition } from '../../lib/access';
import { useViewer } from '../../data/viewer';

interface Props {
  selected: readonly string[];
  viewerScopes: readonly string[];
  onChange: (scopes: string[]) => void;
  error?: string | undefined;
}

/** Grantable scopes grouped by resource, with presets. Scopes the viewer lacks are shown disabled. */
export function ScopePicker({ selected, viewerScopes, onChange, error }: Props) {
  const { access } = useViewer();
  const groups = groupScopes(access);
  const errId = useId();
  const have = new Set(viewerScopes);
  const sel = new Set(selected);

  function toggle(s: ScopeDefinition, on: boolean) {
    const next = new Set(sel);
    if (on) next.add(s.name);
    else next.delete(s.name);
    onChange([...next]);
  }

  return (
    <fieldset className="scope-picker" aria-describedby={error ? errId : undefined} aria-invalid={Boolean(error)}>
      <legend>Scopes</legend>
      <div className="presets" role="group" aria-label="Presets">
        <span className="hint">Presets:</span>
        {SCOPE_PRESETS.map((p) => {
          const { scopes, dropped } = applyPreset(access, p, viewerScopes);
          const active = presetMatches(access, p, selected, viewerScopes);
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
              const allowed = have.has(s.name);
              return (
                <label key={s.name} className={`check${allowed ? '' : ' check-disabled'}`}>
                  <input
                    type="checkbox"
                    name="scopes"
                    value={s.name}
                    checked={sel.has(s.name)}
                    disabled={!allowed && !sel.has(s.name)}
                    onChange={(e) => toggle(s, e.target.checked)}
                  />
                  <span>
                    <code>{s.name}</code> <span className="muted">{s.description}</span>
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
