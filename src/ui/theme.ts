import { useLab } from '../store/labStore';

/**
 * Keep `<html data-theme data-background>` in step with the page's theme and background parameters (auto, light or dark, set
 * by the URL or a host's race-lab:set); the stylesheets pick their colours from it.
 * Returns the unsubscribe function.
 */
export function followTheme(): () => void {
  const apply = ({ theme, background }: { theme: string; background: string }) => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.dataset.background = background;
  };
  apply(useLab.getState().page);
  return useLab.subscribe((state, previous) => {
    const { theme, background } = state.page;
    if (theme !== previous.page.theme || background !== previous.page.background) {
      apply(state.page);
    }
  });
}
