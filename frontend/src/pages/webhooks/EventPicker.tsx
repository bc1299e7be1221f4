import { useId } from 'react';
import { WEBHOOK_EVENTS, setMode, toggleEvent, type EventSelection } from '../../lib/webhooks';

interface Props {
  value: EventSelection;
  onChange: (next: EventSelection) => void;
  error?: string | undefined;
}

/** Every event (including ones added later), or the chosen ones of the schema's WebhookEvent enum. */
export function EventPicker({ value, onChange, error }: Props) {
  const name = useId();
  const errId = `${name}-err`;
  const chosen = new Set(value.chosen);
  return (
    <fieldset className="scope-picker event-picker" aria-describedby={error ? errId : undefined} aria-invalid={Boolean(error)}>
      <legend>Events</legend>
      <label className="check">
        <input type="radio" name={name} checked={value.mode === 'all'} onChange={() => onChange(setMode(value, 'all'))} />
        <span>
          All events <span className="muted">(including event types added later)</span>
        </span>
      </label>
      <label className="check">
        <input type="radio" name={name} checked={value.mode === 'some'} onChange={() => onChange(setMode(value, 'some'))} />
        <span>Only the events chosen below</span>
      </label>
      {value.mode === 'some' && (
        <div className="event-list" role="group" aria-label="Events to send">
          {WEBHOOK_EVENTS.map((e) => (
            <label key={e.value} className="check">
              <input
                type="checkbox"
                value={e.name}
                checked={chosen.has(e.name)}
                onChange={(ev) => onChange(toggleEvent(value, e.name, ev.target.checked))}
              />
              <span>
                <code>{e.name}</code> <span className="muted">{e.description}</span>
                {'future' in e && e.future && <span className="muted"> (not sent yet: the feature is coming)</span>}
              </span>
            </label>
          ))}
        </div>
      )}
      {error && (
        <p className="field-error" id={errId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
