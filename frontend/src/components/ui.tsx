import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { errorInfo } from '../lib/errors';
import type { CursorPager } from '../lib/pagination';

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

export function ErrorMessage({ error, message, onRetry }: { error?: CombinedError | null; message?: string | null; onRetry?: () => void }) {
  const text = message ?? errorInfo(error)?.message;
  if (!text) return null;
  return (
    <div className="alert alert-error" role="alert">
      <span>{text}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Notice({ children, kind = 'info' }: { children: ReactNode; kind?: 'info' | 'success' | 'warning' }) {
  return (
    <div className={`alert alert-${kind}`} role="status" aria-live="polite">
      {children}
    </div>
  );
}

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Extra class for sizing. */
  wide?: boolean;
}

/** A modal built on <dialog>: focus is trapped, Escape closes, focus returns to the opener. */
export function Dialog({ open, title, onClose, children, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);
  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog-wide' : ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="btn-icon" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}

interface ConfirmProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ open, title, children, confirmLabel, danger, busy, error, onConfirm, onCancel }: ConfirmProps) {
  return (
    <Dialog open={open} title={title} onClose={onCancel}>
      <div className="confirm-text">{children}</div>
      <ErrorMessage message={error} />
      <div className="actions">
        {/* eslint-disable-next-line jsx-a11y/no-autofocus -- a modal dialog's initial focus (HTML dialog focusing steps): the safe choice */}
        <button type="button" className="btn" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} onClick={onConfirm} disabled={busy}>
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled form control with its hint and error wired up for screen readers. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const describedBy = [hint ? hintId : null, error ? errId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errId}>
          {error}
        </p>
      )}
    </div>
  );
}

export function Pager({
  page,
  hasNext,
  onPrev,
  onNext,
  total,
  label,
}: {
  page: number;
  hasNext: boolean;
  onPrev: () => void;
  onNext: () => void;
  total?: number | null;
  label: string;
}) {
  if (page === 0 && !hasNext) {
    return total != null && total > 0 ? <p className="muted small pager-total">{total} in all</p> : null;
  }
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <button type="button" className="btn" onClick={onPrev} disabled={page === 0}>
        ← Previous
      </button>
      <span aria-live="polite">
        Page {page + 1}
        {total != null ? ` · ${total} in all` : ''}
      </span>
      <button type="button" className="btn" onClick={onNext} disabled={!hasNext}>
        Next →
      </button>
    </nav>
  );
}

/** The pager under a Relay connection: previous/next pages and the total. */
export function ConnectionPager({
  label,
  pager,
  connection,
  total,
}: {
  label: string;
  pager: CursorPager;
  connection: { pageInfo: { hasNextPage: boolean; endCursor?: string | null }; totalCount: number };
  total?: number;
}) {
  return (
    <Pager
      label={label}
      page={pager.page}
      hasNext={connection.pageInfo.hasNextPage}
      total={total ?? connection.totalCount}
      onPrev={pager.prev}
      onNext={() => pager.next(connection.pageInfo.endCursor)}
    />
  );
}
