/** Any path the dashboard does not know. */
import { AuthLayout } from '../layout/app-layout';
import { Link, paths } from '../router';
import { useDocumentTitle } from '../ui';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <AuthLayout>
      <h1>Page not found</h1>
      <p>There is no page at this address.</p>
      <p>
        <Link to={paths.home()}>Go to the dashboard</Link>
      </p>
    </AuthLayout>
  );
}
