import { CopyableSecret } from '../../components/CopyableSecret.tsx';

/** The receipt for the ballot just saved: shown once, with what to do with it. */
export function BallotReceipt({ receipt, perOrganisation }: { receipt: string; perOrganisation: boolean }) {
  return (
    <div className="ballot-receipt" data-testid="ballot-receipt">
      <CopyableSecret
        label="Your receipt"
        value={receipt}
        copyLabel="Copy the receipt"
        copiedMessage="Copied. Keep it somewhere private until voting closes."
        hint={
          <>
            After voting closes, use it on this page to check that your ballot was counted exactly as you cast it.
            Common Ground keeps only a fingerprint of it, so it cannot show it to you again: copy it or write it down
            now. Anyone you show it to can see how you voted.
            {perOrganisation
              ? ' If a colleague changes your organisation’s ballot after you, only their newer receipt will match.'
              : ' If you change your ballot, you get a new receipt and this one stops matching.'}
          </>
        }
      />
    </div>
  );
}
