import { useState } from 'react';
import { messageFor } from '../../api/ApiError.ts';
import { useSession } from '../../session/useSession.ts';

/** Sign out here, or everywhere (a lost laptop, a shared computer). */
export function SignOutSection() {
  const { signOut } = useSession();
  const [sending, setSending] = useState<'here' | 'everywhere' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const handleSignOut = (everywhere: boolean): void => {
    setSending(everywhere ? 'everywhere' : 'here');
    setProblem(null);
    signOut({ everywhere }).catch((error: unknown) => {
      setSending(null);
      setProblem(`You are still signed in. ${messageFor(error)}`);
    });
  };

  return (
    <section className="section card" aria-labelledby="sign-out-heading">
      <h2 id="sign-out-heading">Sign out</h2>
      {problem ? (
        <p className="field-error" role="alert">
          <span className="visually-hidden">Error:</span> {problem}
        </p>
      ) : null}
      <p>Signing out also removes the copies of workspaces kept on this computer.</p>
      <button
        type="button"
        className="button--secondary"
        disabled={sending !== null}
        onClick={() => handleSignOut(false)}
      >
        {sending === 'here' ? 'Signing out…' : 'Sign out'}
      </button>
      <h3 className="section-heading">Sign out everywhere</h3>
      <p>
        Signs you out on every computer, phone and browser, including this one. Do this if you lose a device or signed
        in on a computer that is not yours. API tokens keep working until you revoke them.
      </p>
      <button type="button" className="button--warning" disabled={sending !== null} onClick={() => handleSignOut(true)}>
        {sending === 'everywhere' ? 'Signing out everywhere…' : 'Sign out everywhere'}
      </button>
    </section>
  );
}
