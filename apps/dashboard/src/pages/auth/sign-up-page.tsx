/**
 * /sign-up: name, email, password (at least 10 characters). The server creates the person's first workspace;
 * the guard then opens it (or `?next=`, e.g. an invitation being accepted).
 */
import { type FormEvent, useState } from 'react';
import { AuthLayout } from '../../layout/app-layout';
import { Link, paths, useSearchParams } from '../../router';
import { useSession } from '../../session/session-context';
import { Button, FormError, TextField, useDocumentTitle } from '../../ui';

/** The server's minimum (API.md); said up front so nobody has to learn it from an error. */
export const PASSWORD_MIN_LENGTH = 10;

export function SignUpPage() {
  useDocumentTitle('Sign up');
  const session = useSession();
  const [query] = useSearchParams();
  const next = query.get('next') ?? undefined;
  const [name, setName] = useState('');
  const [email, setEmail] = useState(query.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.signUp({ name: name.trim(), email: email.trim(), password });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <AuthLayout>
      <h1>Create your account</h1>
      <p className="auth-lead">You get a workspace of your own, ready for your first API key.</p>
      <form onSubmit={submit} className="form" noValidate>
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={100}
          required
        />
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
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          required
        />
        <FormError error={error} />
        <Button variant="primary" type="submit" busy={busy} className="btn-block">
          Create account
        </Button>
      </form>
      <p className="auth-switch">
        Already have an account? <Link to={paths.signIn(next)}>Sign in</Link>
      </p>
    </AuthLayout>
  );
}
