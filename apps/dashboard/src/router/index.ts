export { buildPath, matchPath, type Params, safeReturnPath } from './match-path';
export { PATTERNS, paths } from './paths';
export {
  Link,
  type Location,
  type Navigate,
  NavLink,
  Redirect,
  type RouteDefinition,
  RouterProvider,
  Routes,
  useLocation,
  useNavigate,
  useParams,
  useSearchParams,
} from './router';
