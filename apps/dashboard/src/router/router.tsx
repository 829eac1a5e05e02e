/**
 * A small router on the History API: the current location in React state, `navigate()` for code, `<Link>` for
 * people, and `<Routes>` that renders the first route whose pattern matches, with its params in context.
 */
import {
  type AnchorHTMLAttributes,
  createContext,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
} from 'react';
import { matchPath, type Params } from './match-path';

export interface Location {
  pathname: string;
  search: string;
  hash: string;
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (redirects). Default false. */
  replace?: boolean;
}

export type Navigate = (to: string, options?: NavigateOptions) => void;

interface RouterValue {
  location: Location;
  navigate: Navigate;
}

const RouterContext = createContext<RouterValue | null>(null);
const ParamsContext = createContext<Params>({});

function currentLocation(): Location {
  const { pathname, search, hash } = window.location;
  return { pathname, search, hash };
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(currentLocation);

  useEffect(() => {
    const onPopState = () => setLocation(currentLocation());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const navigate = useCallback<Navigate>((to, options = {}) => {
    const url = new URL(to, window.location.href);
    if (url.origin !== window.location.origin) {
      window.location.assign(url.href);
      return;
    }
    const next = url.pathname + url.search + url.hash;
    const now = window.location.pathname + window.location.search + window.location.hash;
    if (next === now) return;
    if (options.replace) window.history.replaceState(null, '', next);
    else window.history.pushState(null, '', next);
    setLocation(currentLocation());
    if (!options.replace) window.scrollTo(0, 0);
  }, []);

  const value = useMemo(() => ({ location, navigate }), [location, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

function useRouter(): RouterValue {
  const router = useContext(RouterContext);
  if (!router) throw new Error('The router hooks need a <RouterProvider> above them (see app.tsx)');
  return router;
}

export function useLocation(): Location {
  return useRouter().location;
}

export function useNavigate(): Navigate {
  return useRouter().navigate;
}

/** The `:name` params of the matched route, e.g. `useParams().workspaceId`. */
export function useParams(): Params {
  return useContext(ParamsContext);
}

/**
 * The query string as URLSearchParams, and a setter that replaces it (keeping the page in history once),
 * so filters survive a reload: `const [query, setQuery] = useSearchParams()`.
 */
export function useSearchParams(): [URLSearchParams, (next: URLSearchParams) => void] {
  const { location, navigate } = useRouter();
  const query = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const setQuery = useCallback(
    (next: URLSearchParams) => {
      const text = next.toString();
      navigate(`${location.pathname}${text ? `?${text}` : ''}`, { replace: true });
    },
    [navigate, location.pathname],
  );
  return [query, setQuery];
}

export interface RouteDefinition {
  /** Pattern, see matchPath: `/w/:workspaceId/content`, `*` for everything else. */
  path: string;
  element: ReactNode;
}

/** Renders the first route that matches the current path; `path: '*'` catches the rest. */
export function Routes({ routes }: { routes: readonly RouteDefinition[] }) {
  const { pathname } = useLocation();
  for (const route of routes) {
    const params = route.path === '*' ? {} : matchPath(route.path, pathname);
    if (params) return <ParamsContext.Provider value={params}>{route.element}</ParamsContext.Provider>;
  }
  return null;
}

/** Sends the browser elsewhere as soon as it renders (replacing the history entry). */
export function Redirect({ to }: { to: string }) {
  const navigate = useNavigate();
  useLayoutEffect(() => navigate(to, { replace: true }), [navigate, to]);
  return null;
}

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  replace?: boolean;
}

/** An ordinary link (open in new tab, copy address all work) that navigates in-app on a plain click. */
export function Link({ to, replace, onClick, target, ...rest }: LinkProps) {
  const navigate = useNavigate();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || target === '_blank') return;
    if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(to, { replace });
  };
  return <a href={to} target={target} onClick={handleClick} {...rest} />;
}

export interface NavLinkProps extends LinkProps {
  /** Active only on this exact path, not below it. Default false. */
  end?: boolean;
}

/** A Link that marks itself `aria-current="page"` while its path is shown. */
export function NavLink({ end = false, ...props }: NavLinkProps) {
  const { pathname } = useLocation();
  const target = props.to.split('?')[0] ?? props.to;
  const active = end ? pathname === target : pathname === target || pathname.startsWith(`${target}/`);
  return <Link aria-current={active ? 'page' : undefined} {...props} />;
}
