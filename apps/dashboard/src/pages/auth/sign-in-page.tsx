/** /sign-in: email and password; on success the guard sends the person on to `?next=` (or home). */
import { type FormEvent, useState } from 'react';
import { AuthLayout } from '../../layout/app-layout';
import { Link, paths, useSearchParams } from '../../router';
import { useSession } from '../../session/session-context';
import { Button, FormError, TextField, useDocumentTitle } from '../../ui';

export function SignInPage() {
  useDocumentTitle('Sign in');
  const session = useSession();
  const [query] = useSearchParams();
  const next = query.get('next') ?? undefined;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.signIn({ email: email.trim(), password });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <AuthLayout>
      <h1>Sign in</h1>
      {next ? <p className="auth-lead">Sign in to continue.</p> : null}
      <form onSubmit={submit} className="form" noValidate>
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          required
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          required
        />
        <FormError error={error} />
        <Button variant="primary" type="submit" busy={busy} className="btn-block">
          Sign in
        </Button>
      </form>
      <p className="auth-switch">
        New to Socifyr? <Link to={paths.signUp(next)}>Create an account</Link>
      </p>
    </AuthLayout>
  );
}
