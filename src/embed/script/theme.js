/**
 * The page's theme, by the common conventions: a dark (or light) class or data-theme on
 * <html> or <body>, then the root's computed color-scheme, then the reader's preference.
 */
export function hostTheme() {
  var roots = [document.documentElement, document.body];
  for (var i = 0; i < roots.length; i++) {
    var el = roots[i];
    if (!el) continue;
    var named = el.getAttribute('data-theme');
    if (named === 'dark' || el.classList.contains('dark')) return 'dark';
    if (named === 'light' || el.classList.contains('light')) return 'light';
  }
  var scheme = getComputedStyle(document.documentElement).colorScheme || '';
  var words = scheme.split(/\s+/);
  var dark = words.indexOf('dark') >= 0;
  var light = words.indexOf('light') >= 0;
  if (dark !== light) return dark ? 'dark' : 'light';
  return window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

// A theme the frame does not share with its element would make the browser paint the frame
// opaque; `auto` follows the reader, as the embed's own root does.
export function colorScheme(theme) {
  return theme === 'light' || theme === 'dark' ? theme : 'light dark';
}
