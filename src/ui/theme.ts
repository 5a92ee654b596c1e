import { useLab } from '../store/labStore';

/**
 * Keep `<html data-theme>` in step with the page's theme parameter (auto, light or dark, set
 * by the URL or a host's race-lab:set); the stylesheets pick their colours from it.
 * Returns the unsubscribe function.
 */
export function followTheme(): () => void {
  const apply = (theme: string) => {
    document.documentElement.dataset.theme = theme;
  };
  apply(useLab.getState().page.theme);
  return useLab.subscribe((state, previous) => {
    if (state.page.theme !== previous.page.theme) apply(state.page.theme);
  });
}
