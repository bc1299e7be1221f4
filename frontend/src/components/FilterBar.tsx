import type { FormEvent, ReactNode } from 'react';
import { Field } from './ui';

/**
 * The row of filters above a list: a labelled form (a search landmark unless `search` is false)
 * whose controls apply as they change; `onSubmit` for filters applied with a button.
 */
export function FilterBar({
  label,
  children,
  search = true,
  onSubmit,
}: {
  label: string;
  children: ReactNode;
  search?: boolean;
  onSubmit?: (e: FormEvent) => void;
}) {
  return (
    <form
      className="filters"
      {...(search ? { role: 'search' } : {})}
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit?.(e);
      }}
    >
      {children}
    </form>
  );
}

export function SearchFilter({
  label,
  value,
  onChange,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
}) {
  return (
    <Field label={label}>
      {(p) => <input {...p} type="search" placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

export interface FilterOption<Value extends string> {
  value: Value;
  label: string;
}

/** A select of options; `''` is the "no filter" value when `allLabel` is given. */
export function SelectFilter<Value extends string>({
  label,
  value,
  options,
  onChange,
  allLabel,
}: {
  label: string;
  value: Value | '';
  options: readonly FilterOption<Value>[];
  onChange: (value: Value | '') => void;
  allLabel?: string;
}) {
  return (
    <Field label={label}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(options.find((o) => o.value === e.target.value)?.value ?? '')}>
          {allLabel != null && <option value="">{allLabel}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
