/**
 * /sign-in: email and password; on success the guard sends the person on to `?next=` (or home). `?email=`
 * fills in the address (e.g. from an invitation), and "Create an account" carries both on.
 */
import { type FormEvent, useRef, useState } from 'react';
import { AuthLayout } from '../../layout/app-layout';
import { Link, paths, useSearchParams } from '../../router';
import { useSession } from '../../session/session-context';
import { Button, FormError, TextField, useDocumentTitle, useFormErrors } from '../../ui';
import { checkSignIn, SIGN_IN_FIELDS } from './auth-checks';

export function SignInPage() {
  useDocumentTitle('Sign in');
  const session = useSession();
  const [query] = useSearchParams();
  const next = query.get('next') ?? undefined;
  const [email, setEmail] = useState(query.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(SIGN_IN_FIELDS, form);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (errors.show(checkSignIn({ email, password }))) return;
    setBusy(true);
    try {
      await session.signIn({ email: email.trim(), password });
    } catch (failure) {
      errors.fail(failure);
      setBusy(false);
    }
  };

  return (
    <AuthLayout>
      <h1>Sign in</h1>
      {next ? <p className="auth-lead">Sign in to continue.</p> : null}
      <form ref={form} onSubmit={submit} className="form" noValidate>
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
            errors.edited('email');
          }}
          required
          error={errors.field('email')}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
            errors.edited('password');
          }}
          required
          error={errors.field('password')}
        />
        <FormError messages={errors.form} />
        <Button variant="primary" type="submit" busy={busy} className="btn-block">
          Sign in
        </Button>
      </form>
      <p className="auth-switch">
        New to Socifyr? <Link to={paths.signUp(next, email.trim())}>Create an account</Link>
      </p>
    </AuthLayout>
  );
}
