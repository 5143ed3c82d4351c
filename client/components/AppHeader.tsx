import { Link } from 'react-router';

/** The product bar at the top of every screen. */
export function AppHeader() {
  return (
    <header className="app-header">
      <Link to="/" className="app-header__brand">
        Common Ground
      </Link>
      <span className="app-header__tagline">Family hubs partnership workspace</span>
    </header>
  );
}
