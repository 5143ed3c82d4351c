/** The mark on every section of a version: what is shown is how it was then, and cannot be changed here. */
export function AsItWas({ date }: { date: string }) {
  return (
    <p className="notice notice--info" data-testid="as-it-was">
      <strong>As it was on {date} — read only.</strong> Nothing here can be changed; the workspace today may differ.
    </p>
  );
}
