import { parseRunConfig, runConfigToParams } from '../core/config';
import { pageToParams, parsePageParams } from '../core/pageParams';
import { useLab } from './labStore';

/**
 * Load settings from the page URL once, then keep the URL in step with them (replaceState:
 * settings changes are not navigation). Returns the unsubscribe function.
 */
export function syncWithUrl(): () => void {
  const params = new URLSearchParams(location.search);
  const { config, messages } = parseRunConfig(params);
  const { page, messages: pageMessages } = parsePageParams(params);
  useLab.getState().setPage(page);
  useLab.getState().loadConfig(config, [...messages, ...pageMessages]);
  return useLab.subscribe((state, previous) => {
    if (state.config === previous.config && state.page === previous.page) return;
    const next = pageToParams(
      state.page,
      runConfigToParams(state.config, new URLSearchParams(location.search)),
    );
    const query = next.toString();
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${query ? `?${query}` : ''}${location.hash}`,
    );
  });
}
