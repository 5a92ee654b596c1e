/** A message shown to the user about input that was refused or a problem they should know. */
export interface Notice {
  id: number;
  text: string;
  /** Where it came from, so a fresh load of that source can replace its old notices. */
  source: 'url' | 'import' | 'run' | 'embed';
}

let nextId = 1;
/** Make notices with fresh ids. */
export const notices = (source: Notice['source'], texts: readonly string[]): Notice[] =>
  texts.map((text) => ({ id: nextId++, text, source }));
