import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ImportQuizMutation } from './operations';
import type { ImportQuizMutation as ImportResult, QuizImportFormat } from '../../gql/graphql';
import { uploadContext } from '../../lib/upload';
import { useAction } from '../../data/useAction';
import { Dialog, ErrorMessage, Field } from '../../components/ui';

const FORMATS: { value: QuizImportFormat; label: string }[] = [
  { value: 'JSON', label: 'JSON (quizgraph format)' },
  { value: 'PDF', label: 'PDF' },
  { value: 'AIKEN', label: 'Aiken' },
  { value: 'GIFT', label: 'GIFT (Moodle)' },
];

type Report = ImportResult['importQuiz'];

interface Props {
  open: boolean;
  onClose: () => void;
  editPath: (quizId: string) => string;
}

/** Import a quiz file (upload, or pasted text) and show the import report. */
export function ImportQuizDialog({ open, onClose, editPath }: Props) {
  const importQuiz = useAction(ImportQuizMutation);
  const fileRef = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<'file' | 'text'>('file');
  const [fileName, setFileName] = useState('');
  const [text, setText] = useState('');
  const [format, setFormat] = useState<QuizImportFormat | ''>('');
  const [title, setTitle] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [report, setReport] = useState<Report | null>(null);

  function reset() {
    setFileName('');
    setText('');
    setFormat('');
    setTitle('');
    importQuiz.reset();
    setFieldErrors({});
    setReport(null);
  }

  function close() {
    reset();
    onClose();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    importQuiz.reset();
    setFieldErrors({});
    const file = fileRef.current?.files?.[0];
    if (source === 'file' && !file) {
      setFieldErrors({ file: 'Choose a file to import.' });
      return;
    }
    if (source === 'text' && !text.trim()) {
      setFieldErrors({ text: 'Paste the quiz text.' });
      return;
    }
    if (file && file.size > 5 * 1024 * 1024) {
      setFieldErrors({ file: 'The file is larger than 5 MiB.' });
      return;
    }
    const input = { format: format || null, title: title.trim() || null };
    const r =
      source === 'file' && file
        ? await importQuiz.run({ input: { ...input, file } }, uploadContext())
        : await importQuiz.run({ input: { ...input, text } });
    if (r.ok) setReport(r.data.importQuiz);
    else setFieldErrors(r.failure.fields);
  }

  return (
    <Dialog open={open} title="Import a quiz" onClose={close} wide>
      {report ? (
        <ImportReport report={report} editPath={editPath} onAnother={reset} onClose={close} />
      ) : (
        <form onSubmit={submit} noValidate aria-busy={importQuiz.busy}>
          <fieldset className="radio-row">
            <legend>Source</legend>
            <label className="check">
              <input type="radio" name="import-source" checked={source === 'file'} onChange={() => setSource('file')} /> Upload a file
            </label>
            <label className="check">
              <input type="radio" name="import-source" checked={source === 'text'} onChange={() => setSource('text')} /> Paste text
            </label>
          </fieldset>
          {source === 'file' ? (
            <Field label="Quiz file" error={fieldErrors.file} hint="JSON, PDF, Aiken (.txt) or GIFT, at most 5 MiB.">
              {(p) => (
                <input
                  {...p}
                  ref={fileRef}
                  type="file"
                  accept=".json,.pdf,.txt,.gift,.aiken,application/json,application/pdf,text/plain"
                  onChange={(e) => setFileName(e.target.files?.[0]?.name ?? '')}
                />
              )}
            </Field>
          ) : (
            <Field label="Quiz text" error={fieldErrors.text}>
              {(p) => <textarea {...p} rows={8} value={text} onChange={(e) => setText(e.target.value)} />}
            </Field>
          )}
          <div className="row-2">
            <Field label="Format" error={fieldErrors.format} hint="Detected from the content and file name when left on automatic.">
              {(p) => (
                <select {...p} value={format} onChange={(e) => setFormat(e.target.value as QuizImportFormat | '')}>
                  <option value="">Automatic</option>
                  {FORMATS.map((f) => (
                    <option key={f.value} value={f.value}>
                      {f.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Title (optional)" error={fieldErrors.title} hint="Overrides the file's title.">
              {(p) => <input {...p} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
            </Field>
          </div>
          <ErrorMessage message={importQuiz.error} />
          <div className="actions">
            <button type="button" className="btn" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={importQuiz.busy}>
              {importQuiz.busy ? 'Importing…' : fileName ? `Import ${fileName}` : 'Import'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function ImportReport({ report, editPath, onAnother, onClose }: { report: Report; editPath: (id: string) => string; onAnother: () => void; onClose: () => void }) {
  const n = report.importedQuestions;
  return (
    <div className="import-report" data-testid="import-report">
      <div className={`alert ${report.quiz ? 'alert-success' : 'alert-error'}`} role="status">
        <span>
          {report.quiz
            ? `Imported ${n} ${n === 1 ? 'question' : 'questions'} into the draft “${report.quiz.title}”`
            : 'Nothing could be imported'}
          {report.format ? ` (read as ${report.format}).` : '.'}
        </span>
      </div>
      {report.problems.length > 0 ? (
        <>
          <h3>
            {report.problems.length} {report.problems.length === 1 ? 'problem' : 'problems'} (not imported)
          </h3>
          <ul className="problems" aria-label="Import problems">
            {report.problems.map((p, i) => (
              <li key={i}>
                {p.line != null ? <strong>Line {p.line}: </strong> : null}
                {p.message}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">No problems.</p>
      )}
      <div className="actions">
        <button type="button" className="btn" onClick={onAnother}>
          Import another
        </button>
        {report.quiz ? (
          <Link className="btn btn-primary" to={editPath(report.quiz.id)}>
            Open the draft
          </Link>
        ) : (
          <button type="button" className="btn btn-primary" onClick={onClose}>
            Close
          </button>
        )}
      </div>
    </div>
  );
}
