import { useLab } from '../store/labStore';
import { usesSimulation } from '../store/engines';
import { selectPage, selectResult, selectSupport } from '../store/selectors';

/** A full-page link without embed parameters, opened as its own top-level page. */
function fullPageHref(): string {
  const url = new URL(location.href);
  url.searchParams.delete('embed');
  return url.toString();
}

/** Says which engine runs, and why the simulated one when it was not asked for. */
export function EngineBadge() {
  const page = useLab(selectPage);
  const result = useLab(selectResult);
  const support = useLab(selectSupport);
  // Until the check answers, only a page that asked for the simulation is known to use it.
  const simulate = support ? usesSimulation(page, support) : page.engine === 'simulated';
  if (!simulate) return null;
  const seed = result?.engine === 'simulated' ? result.seed : page.seed;
  const forced = support?.engine === 'simulated' ? support : null;
  return (
    <p className="badge badge-simulated" data-testid="engine-badge" data-reason={forced?.reason}>
      {forced
        ? `simulated: real workers cannot run here, because ${forced.text}`
        : 'simulated: one access at a time, in an order picked by a seeded scheduler'}
      {seed !== null && seed !== undefined && <> (seed {seed})</>}
      {forced && (
        <>
          {' '}
          <a href={fullPageHref()} target="_blank" rel="noopener">
            Open the full page
          </a>
        </>
      )}
    </p>
  );
}
