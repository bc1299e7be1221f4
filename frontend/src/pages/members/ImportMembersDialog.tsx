import { useRef, useState, type FormEvent } from 'react';
import { useAction } from '../../data/useAction';
import type { ImportMembersMutation as ImportResult } from '../../gql/graphql';
import { uploadContext } from '../../lib/upload';
import { Dialog, ErrorMessage, Field, Notice } from '../../components/ui';
import { ImportMembersMutation } from './operations';

type Report = ImportResult['importMembers'];
const MAX_BYTES = 2 * 1024 * 1024;

/** Saves text as a file (the generated credentials: they exist only in this answer). */
export function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/**
 * Import members from CSV: pick a file, check it (a dry run reporting each bad row by line),
 * then import all rows (or none), and download the generated credentials, shown this once.
 */
export function ImportMembersDialog({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: (count: number) => void }) {
  const importMembers = useAction(ImportMembersMutation);
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Report | null>(null);
  const [done, setDone] = useState<Report | null>(null);
  const [downloaded, setDownloaded] = useState(false);

  function close() {
    setFile(null);
    setChecked(null);
    setDone(null);
    setDownloaded(false);
    setFileError(null);
    importMembers.reset();
    onClose();
  }

  async function send(dryRun: boolean): Promise<Report | null> {
    if (!file) return null;
    const r = await importMembers.run({ input: { file, dryRun } }, uploadContext());
    if (!r.ok) {
      setFileError(r.failure.fields.file ?? null);
      return null;
    }
    return r.data.importMembers;
  }

  async function check(e: FormEvent) {
    e.preventDefault();
    importMembers.reset();
    setFileError(null);
    setChecked(null);
    if (!file) return setFileError('Choose a CSV file.');
    if (file.size > MAX_BYTES) return setFileError('The file is larger than 2 MiB; split it.');
    setChecked(await send(true));
  }

  async function confirm() {
    const report = await send(false);
    if (!report) return;
    if (report.problemCount > 0) {
      setChecked(report); // something changed since the check (a member added meanwhile)
      return;
    }
    setDone(report);
    onImported(report.importedCount);
  }

  return (
    <Dialog open={open} title="Import members from CSV" onClose={close} wide>
      {done ? (
        <div data-testid="import-done">
          <Notice kind="success">
            Imported {done.importedCount} {done.importedCount === 1 ? 'member' : 'members'}.
          </Notice>
          {done.credentialsCsv ? (
            <>
              <div className="alert alert-warning" role="alert">
                <strong>Download the credentials now.</strong> {done.generatedPasswordCount} generated{' '}
                {done.generatedPasswordCount === 1 ? 'password is' : 'passwords are'} in this file only: the server keeps no copy. Members change them at
                their first sign-in.
              </div>
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => {
                  downloadText(done.credentialsCsv ?? '', 'member-credentials.csv');
                  setDownloaded(true);
                }}
              >
                Download credentials CSV
              </button>
              {downloaded && <p role="status">Saved as member-credentials.csv.</p>}
            </>
          ) : (
            <p>Every row had its own password: there are no generated credentials.</p>
          )}
          <div className="actions">
            <button type="button" className="btn" onClick={close}>
              Close
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={check} noValidate aria-busy={importMembers.busy}>
          <p className="muted">
            A header row, then one member a row: <code>username,display name,role,password</code>. The role is owner, admin, teacher or student; leave the
            password empty to generate one (the member changes it at their first sign-in).
          </p>
          <Field label="CSV file" error={fileError ?? undefined} hint="UTF-8, at most 2 MiB and 10,000 rows.">
            {(p) => (
              <input
                {...p}
                ref={fileRef}
                type="file"
                accept=".csv,text/csv"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setChecked(null);
                }}
              />
            )}
          </Field>
          {!fileError && <ErrorMessage message={importMembers.error} />}
          {checked && <DryRunReport report={checked} />}
          <div className="actions">
            <button type="button" className="btn" onClick={close}>
              Cancel
            </button>
            {checked && checked.problemCount === 0 && checked.rowCount > 0 ? (
              <button type="button" className="btn btn-primary" disabled={importMembers.busy} onClick={() => void confirm()}>
                {importMembers.busy ? 'Importing…' : `Import ${checked.rowCount} ${checked.rowCount === 1 ? 'member' : 'members'}`}
              </button>
            ) : (
              <button type="submit" className="btn btn-primary" disabled={importMembers.busy}>
                {importMembers.busy ? 'Checking…' : 'Check file'}
              </button>
            )}
          </div>
        </form>
      )}
    </Dialog>
  );
}

function DryRunReport({ report }: { report: Report }) {
  if (report.rowCount === 0 && report.problemCount === 0) return <Notice kind="warning">The file has no member rows.</Notice>;
  if (report.problemCount === 0)
    return (
      <Notice kind="success">
        All {report.rowCount} rows are fine. Nothing is imported until you confirm.
      </Notice>
    );
  return (
    <div data-testid="import-problems">
      <div className="alert alert-error" role="alert">
        {report.problemCount} {report.problemCount === 1 ? 'problem' : 'problems'} in {report.rowCount - report.validRowCount} of {report.rowCount} rows.
        Nothing is imported until every row is fixed.
      </div>
      <table className="table">
        <caption className="visually-hidden">Problems by line</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {report.problems.map((p, i) => (
            <tr key={i}>
              <td>{p.line}</td>
              <td>{p.column ?? '—'}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.problemCount > report.problems.length && <p className="muted">Only the first {report.problems.length} are listed.</p>}
    </div>
  );
}
