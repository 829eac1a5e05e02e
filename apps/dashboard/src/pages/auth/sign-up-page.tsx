/**
 * /sign-up: name, email, password (at least 10 characters). The server creates the person's first workspace;
 * the guard then opens it (or `?next=`, e.g. an invitation being accepted). `?email=` fills in the address.
 * Obvious mistakes are caught before a request; the server's validation messages appear next to the field they
 * name, and an address that already has an account gets a link to sign in with it.
 */
import { type FormEvent, useRef, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { AuthLayout } from '../../layout/app-layout';
import { Link, paths, useSearchParams } from '../../router';
import { useSession } from '../../session/session-context';
import { Button, FormError, TextField, useDocumentTitle, useFormErrors } from '../../ui';
import { checkSignUp, NAME_MAX_LENGTH, PASSWORD_MIN_LENGTH, SIGN_UP_FIELDS } from './auth-checks';

export { PASSWORD_MIN_LENGTH };

export function SignUpPage() {
  useDocumentTitle('Sign up');
  const session = useSession();
  const [query] = useSearchParams();
  const next = query.get('next') ?? undefined;
  const [name, setName] = useState('');
  const [email, setEmail] = useState(query.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(SIGN_UP_FIELDS, form);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (errors.show(checkSignUp({ name, email, password }))) return;
    setBusy(true);
    try {
      await session.signUp({ name: name.trim(), email: email.trim(), password });
    } catch (failure) {
      setBusy(false);
      if (isApiError(failure, 409)) {
        errors.show({
          email: (
            <>
              An account with this email address already exists.{' '}
              <Link to={paths.signIn(next, email.trim())}>Sign in with it</Link> instead, or use another
              address.
            </>
          ),
        });
      } else {
        errors.fail(failure);
      }
    }
  };

  return (
    <AuthLayout>
      <h1>Create your account</h1>
      <p className="auth-lead">You get a workspace of your own, ready for your first API key.</p>
      <form ref={form} onSubmit={submit} className="form" noValidate>
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            errors.edited('name');
          }}
          maxLength={NAME_MAX_LENGTH}
          required
          error={errors.field('name')}
        />
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
          autoComplete="new-password"
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
            errors.edited('password');
          }}
          minLength={PASSWORD_MIN_LENGTH}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          required
          error={errors.field('password')}
        />
        <FormError messages={errors.form} />
        <Button variant="primary" type="submit" busy={busy} className="btn-block">
          Create account
        </Button>
      </form>
      <p className="auth-switch">
        Already have an account? <Link to={paths.signIn(next, email.trim())}>Sign in</Link>
      </p>
    </AuthLayout>
  );
}
