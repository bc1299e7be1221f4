import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useAction } from '../../data/useAction';
import type { BeginPlatformLoginMutation as BeginResult } from '../../gql/graphql';
import { Field } from '../../components/ui';
import { BeginPlatformLoginMutation, CompletePlatformLoginMutation } from './operations';

type Enrolment = NonNullable<BeginResult['beginPlatformLogin']['enrolment']>;

/**
 * /platform/login: the console's sign-in. Step 1, username and password; step 2, the code of an
 * authenticator app. The first time, step 2 shows the new secret to add to the app (a QR code
 * drawn by the server as SVG, the otpauth:// link and the secret as text); it is never shown
 * again once a code is accepted.
 */
export function PlatformLoginPage({ onSignedIn }: { onSignedIn: () => void }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const begin = useAction(BeginPlatformLoginMutation);
  const complete = useAction(CompletePlatformLoginMutation);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [ticket, setTicket] = useState<string | null>(null);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);

  useEffect(() => {
    document.title = 'Sign in · quizgraph platform console';
  }, []);

  async function submitPassword(e: FormEvent) {
    e.preventDefault();
    const r = await begin.run({ input: { username, password } });
    if (!r.ok) return;
    setPassword('');
    setTicket(r.data.beginPlatformLogin.ticket);
    setEnrolment(r.data.beginPlatformLogin.enrolment);
  }

  async function submitCode(e: FormEvent) {
    e.preventDefault();
    if (!ticket) return;
    const r = await complete.run({ input: { ticket, code: code.trim() } });
    if (!r.ok) {
      setCode('');
      return;
    }
    onSignedIn();
    navigate('/platform/organizations', { replace: true });
  }

  function startAgain() {
    setTicket(null);
    setEnrolment(null);
    setCode('');
    complete.reset();
  }

  const ended = params.get('reason') === 'session-ended';
  return (
    <main className="center-page" id="main">
      <div className="card narrow login-card">
        <h1>Platform console</h1>
        {ended && !ticket && <p role="status">Your console session ended; sign in again.</p>}
        {!ticket ? (
          <form onSubmit={submitPassword} noValidate>
            <h2 className="form-title">Sign in</h2>
            <div role="alert" className={begin.error ? 'alert alert-error' : 'visually-hidden'}>
              {begin.error}
            </div>
            <Field label="Username">
              {(p) => <input {...p} autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />}
            </Field>
            <Field label="Password">
              {(p) => (
                <input {...p} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
              )}
            </Field>
            <button type="submit" className="btn btn-primary btn-block" disabled={begin.busy}>
              {begin.busy ? 'Checking…' : 'Continue'}
            </button>
          </form>
        ) : (
          <form onSubmit={submitCode} noValidate>
            <h2 className="form-title">{enrolment ? 'Set up your second factor' : 'Enter your code'}</h2>
            {enrolment && <EnrolmentCard enrolment={enrolment} />}
            <div role="alert" className={complete.error ? 'alert alert-error' : 'visually-hidden'}>
              {complete.error}
            </div>
            <Field label="Code from your authenticator app" hint="6 digits; each code works once.">
              {(p) => (
                <input
                  {...p}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="[0-9]*"
                  maxLength={6}
                  value={code}
                  onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
                  required
                />
              )}
            </Field>
            <button type="submit" className="btn btn-primary btn-block" disabled={complete.busy || code.length !== 6}>
              {complete.busy ? 'Checking…' : 'Sign in'}
            </button>
            <button type="button" className="btn btn-block" onClick={startAgain}>
              Start again
            </button>
          </form>
        )}
      </div>
    </main>
  );
}

function EnrolmentCard({ enrolment }: { enrolment: Enrolment }) {
  return (
    <section aria-label="New second factor" className="enrolment">
      <p>
        Scan this QR code with an authenticator app (or type the secret), then enter the code it shows. This secret is shown only until
        your first code is accepted.
      </p>
      {/* The server draws the QR code (segno): an SVG of the otpauth link, no third party involved. */}
      <div className="qr-code" role="img" aria-label="QR code of the otpauth link" dangerouslySetInnerHTML={{ __html: enrolment.qrCodeSvg }} />
      <p>
        Secret: <code data-testid="totp-secret">{enrolment.secret}</code>
      </p>
      <p>
        <a href={enrolment.otpauthUri}>Open in an authenticator app</a>
      </p>
    </section>
  );
}
