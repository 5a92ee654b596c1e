/** Most steps a schedule from outside may hold, so hostile input cannot hang the page. */
export const MAX_SCHEDULE_STEPS = 1_000_000;

/** Thread ids 0–51 as one letter each: a–z are 0–25, A–Z are 26–51. */
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The compact, URL-safe form of a schedule (the leaf that moved at each step), run-length
 * encoded. Grammar:
 *
 *     schedule := run*
 *     run      := letter count?
 *     letter   := [a-zA-Z]        thread id: a=0 … z=25, A=26 … Z=51
 *     count    := [1-9][0-9]*     repetitions; absent means once
 *
 * So "cd4c" is thread 2 once, thread 3 four times, thread 2 once. Throws a RangeError for a
 * thread id outside 0–51.
 */
export function encodeSchedule(s: readonly number[]): string {
  let out = '';
  for (let i = 0; i < s.length;) {
    const id = s[i]!;
    const letter = Number.isInteger(id) ? LETTERS[id] : undefined;
    if (letter === undefined) throw new RangeError(`Thread id ${id} cannot be put in a schedule.`);
    let run = 1;
    while (i + run < s.length && s[i + run] === id) run++;
    out += run === 1 ? letter : `${letter}${run}`;
    i += run;
  }
  return out;
}

/**
 * The grammar above as a pattern: a text it refuses, decodeSchedule refuses too (the URL
 * check uses it, so a link is judged by the decoder's alphabet, not a looser one).
 */
export const SCHEDULE_PATTERN = /^(?:[a-zA-Z](?:[1-9][0-9]*)?)*$/;

const isDigit = (code: number) => code >= 48 && code <= 57;

/** Read a schedule written by `encodeSchedule`; never throws, refuses over-long schedules. */
export function decodeSchedule(
  text: string,
): { ok: true; schedule: number[] } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  // Each letter is at least one step, so a longer text is too long before it is read.
  if (text.length > MAX_SCHEDULE_STEPS) return fail('The schedule is too long.');
  const schedule: number[] = [];
  let i = 0;
  while (i < text.length) {
    const id = LETTERS.indexOf(text[i]!);
    if (id < 0) {
      const shown = JSON.stringify(text.slice(i, i + 1));
      return fail(`The schedule has ${shown} at position ${i + 1}, where a thread letter belongs.`);
    }
    i++;
    const start = i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    let run = 1;
    if (i > start) {
      const digits = text.slice(start, i);
      if (digits[0] === '0')
        return fail(`The schedule has a count starting with 0 at ${start + 1}.`);
      // Past 7 digits the count exceeds the cap anyway; stop before parsing a huge number.
      run = digits.length > 7 ? Infinity : Number(digits);
    }
    if (schedule.length + run > MAX_SCHEDULE_STEPS) {
      return fail(`The schedule has more than ${MAX_SCHEDULE_STEPS.toLocaleString('en')} steps.`);
    }
    for (let k = 0; k < run; k++) schedule.push(id);
  }
  return { ok: true, schedule };
}
