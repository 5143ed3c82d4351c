import { Link } from 'react-router';
import { frameworkPaths } from '../../framework/paths.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';

/** The way into the outcomes framework from the workspace page: what it is, and one clear button. */
export function FrameworkLinkCard() {
  const { partnership } = usePartnership();
  return (
    <section className="card" aria-labelledby="framework-link-heading" data-testid="framework-link">
      <h2 id="framework-link-heading">Outcomes framework</h2>
      <p>
        The outcomes this partnership works towards, in five domains, for babies, children and young people, parents and
        carers, and services, each with the indicators and metrics that show progress. Build it out together, live.
      </p>
      <p>
        <Link className="button" to={frameworkPaths(partnership.id).overview}>
          Open the outcomes framework
        </Link>
      </p>
    </section>
  );
}
