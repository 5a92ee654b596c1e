import { useEffect, useState } from 'react';
import { CHALLENGES, challengeConfig, solvedBy, type Challenge } from '../../core/challenges';
import { useLab } from '../../store/labStore';

const STORAGE_KEY = 'race-lab:challenges';

/** Solved challenge ids from localStorage; anything unreadable counts as none solved. */
function loadSolved(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function saveSolved(ids: readonly string[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(ids));
  } catch {
    // Storage can be full or blocked (private mode, sandboxed embeds): progress just isn't kept.
  }
}

function tryChallenge(c: Challenge) {
  const { loadConfig, setPage, startStepping } = useLab.getState();
  loadConfig(challengeConfig(c));
  setPage({ mode: 'step', view: 'run', schedule: null });
  void startStepping([]);
}

/** Small puzzles for step mode; solved ones are remembered on this device. */
export function Challenges() {
  const [solved, setSolved] = useState(loadSolved);
  const [gaveUp, setGaveUp] = useState<string[]>([]);
  useEffect(
    () =>
      useLab.subscribe((s, prev) => {
        if (s.status !== 'done' || prev.status === 'done' || !s.result || !s.stepping) return;
        const ids = solvedBy(s.config, s.result);
        if (ids.length === 0) return;
        setSolved((old) => {
          const next = [...new Set([...old, ...ids])];
          saveSolved(next);
          return next;
        });
      }),
    [],
  );
  return (
    <section className="panel challenges" aria-labelledby="challenges-heading">
      <h2 id="challenges-heading">Challenges</h2>
      <ul>
        {CHALLENGES.map((c) => {
          const done = solved.includes(c.id);
          return (
            <li key={c.id} data-testid="challenge" data-challenge={c.id} data-solved={done}>
              <strong>{c.title}</strong> {done && <span className="solved">✓ solved</span>}
              <div className="field-hint">{c.goal}</div>
              <div className="run-buttons">
                <button type="button" onClick={() => tryChallenge(c)}>
                  Try it<span className="visually-hidden">: {c.title}</span>
                </button>
                {c.impossible && !gaveUp.includes(c.id) && (
                  <button type="button" onClick={() => setGaveUp((g) => [...g, c.id])}>
                    I give up<span className="visually-hidden">: {c.title}</span>
                  </button>
                )}
              </div>
              {c.impossible && gaveUp.includes(c.id) && <p role="status">{c.impossible}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
