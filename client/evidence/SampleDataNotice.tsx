/** Says plainly that what is shown is made up, so nobody quotes the demo's numbers as statistics. */
export function SampleDataNotice() {
  return (
    <div className="notice notice--info sample-data-notice" role="note">
      <p className="notice__body">
        <strong className="tag tag--orange">Sample data</strong> These numbers are illustrative, made up for the demo.
        They are not real statistics. Import your own data to replace them.
      </p>
    </div>
  );
}
