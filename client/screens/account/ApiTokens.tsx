import { useState } from 'react';
import type { ApiToken, CreatedToken } from '../../../shared/schemas/tokens.ts';
import { messageFor } from '../../api/ApiError.ts';
import { listTokens, revokeToken } from '../../api/account.ts';
import { useApiData } from '../../api/useApiData.ts';
import { CopyableSecret } from '../../components/CopyableSecret.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { SuccessNotice } from '../../components/Notice.tsx';
import { formatDate } from '../../format.ts';
import { CreateTokenForm } from './CreateTokenForm.tsx';

/** Personal API tokens for scripts and integrations: create (shown once), list, revoke. */
export function ApiTokens() {
  const tokens = useApiData(listTokens);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const handleRevoke = (token: ApiToken): void => {
    setRevoking(token.id);
    setProblem(null);
    setNotice(null);
    revokeToken(token.id).then(
      () => {
        setRevoking(null);
        if (created?.apiToken.id === token.id) setCreated(null);
        setNotice(`The token “${token.name}” has been revoked. Anything using it will stop working.`);
        tokens.reload();
      },
      (error: unknown) => {
        setRevoking(null);
        setProblem(`The token could not be revoked. ${messageFor(error)}`);
      },
    );
  };

  return (
    <section className="section card" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p>
        A token lets a script or another system use Common Ground as you, for example to upload data. Treat it like a
        password. Most people never need one.
      </p>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {created ? (
        <div className="panel panel--success" data-testid="created-token">
          <h3>Token “{created.apiToken.name}” created</h3>
          <CopyableSecret
            label="Your new token"
            value={created.token}
            copyLabel="Copy token"
            copiedMessage="Copied. Paste it into the script or system that needs it, not into an email."
            hint={
              <>
                Copy it now and keep it somewhere safe. <strong>You will not be able to see it again.</strong>
              </>
            }
          />
        </div>
      ) : null}
      <CreateTokenForm
        onCreated={(token) => {
          setNotice(null);
          setCreated(token);
          tokens.reload();
        }}
      />
      <h3 className="section-heading">Your tokens</h3>
      {problem ? (
        <p className="field-error" role="alert">
          <span className="visually-hidden">Error:</span> {problem}
        </p>
      ) : null}
      {tokens.status === 'loading' ? (
        <p className="loading" role="status">
          Loading tokens…
        </p>
      ) : null}
      {tokens.status === 'failed' ? (
        <LoadFailure what="Your tokens" error={tokens.error} onRetry={tokens.reload} />
      ) : null}
      {tokens.status === 'ready' && tokens.data.length === 0 ? <p>You have no API tokens.</p> : null}
      {tokens.status === 'ready' && tokens.data.length > 0 ? (
        <table className="table" data-testid="tokens-table">
          <caption className="visually-hidden">Your API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Access</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <tr key={token.id}>
                <th scope="row">{token.name}</th>
                <td>{token.scope === 'read-only' ? 'Read only' : 'Read and change'}</td>
                <td>{formatDate(token.createdAt)}</td>
                <td>{token.lastUsedAt ? formatDate(token.lastUsedAt) : 'Never'}</td>
                <td>
                  {token.expired ? (
                    <strong>Expired {formatDate(token.expiresAt!)}</strong>
                  ) : token.expiresAt ? (
                    formatDate(token.expiresAt)
                  ) : (
                    'Never (until revoked)'
                  )}
                </td>
                <td className="table__actions">
                  <button
                    type="button"
                    className="link-button"
                    disabled={revoking === token.id}
                    onClick={() => handleRevoke(token)}
                  >
                    {revoking === token.id ? 'Revoking…' : 'Revoke'}
                    <span className="visually-hidden"> the token {token.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
