import { Link } from 'react-router';
import { Page } from '../../components/Page.tsx';

/** A used, expired or cancelled invitation link: what happened, who to ask, and where to go instead. */
export function UnusableInvitation({
  signedIn,
  canceller,
  home,
  days,
}: {
  signedIn: boolean;
  /** How long such a link works. */
  days: number;
  /** Who may have cancelled it ("The facilitator"). */
  canceller: string;
  /** Where a signed-in person goes instead. */
  home: { to: string; label: string };
}) {
  return (
    <Page title="This invitation link cannot be used">
      <div className="narrow">
        <h1>This invitation link cannot be used</h1>
        <p>
          Invitation links work only once and stop working after {days} days. {canceller} may also have cancelled it.
        </p>
        <p>Ask the person who invited you to send you a new link.</p>
        <p>
          {signedIn ? (
            <Link to={home.to}>{home.label}</Link>
          ) : (
            <>
              If you have already joined, <Link to="/sign-in">sign in</Link>.
            </>
          )}
        </p>
      </div>
    </Page>
  );
}
