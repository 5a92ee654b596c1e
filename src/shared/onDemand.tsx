import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

export interface OnDemand<P extends object> {
  /** Renders the component once its code is loaded, `fallback` until then. */
  Component: ComponentType<P>;
  /** Start loading now (say, when a run starts), so the first render needs no wait. */
  preload(): Promise<ComponentType<P>>;
}

/**
 * A component whose code loads on first use, to keep it out of the first visit's script.
 * Unlike React.lazy it renders at once when the code is already there, and it shows no
 * Suspense fallback: React holds a boundary's content back for 300 ms after its fallback
 * appeared, which would delay the timeline after a run and the Share dialog after a click.
 */
export function onDemand<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = null,
): OnDemand<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // Not cached: a later render tries again (a flaky network, a redeploy).
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  function Component(props: P) {
    const [ready, setReady] = useState<ComponentType<P> | null>(() => loaded);
    const [failure, setFailure] = useState<unknown>(null);
    useEffect(() => {
      if (ready) return;
      let mounted = true;
      preload().then(
        (component) => mounted && setReady(() => component),
        (error: unknown) => mounted && setFailure(error),
      );
      return () => {
        mounted = false;
      };
    }, [ready]);
    // As React.lazy does: a chunk that cannot load is an error of the render.
    if (failure) throw failure;
    const Loaded = ready;
    return Loaded ? <Loaded {...props} /> : fallback;
  }
  return { Component, preload };
}
