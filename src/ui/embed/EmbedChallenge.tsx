import { CHALLENGES, solvedBy } from '../../core/challenges';
import { useLab } from '../../store/labStore';
import { selectConfig, selectPage, selectResult, selectStatus } from '../../store/selectors';

/** One challenge's goal, and a word when the reader's run reaches it. */
export function EmbedChallenge() {
  const page = useLab(selectPage);
  const config = useLab(selectConfig);
  const status = useLab(selectStatus);
  const result = useLab(selectResult);
  const challenge = CHALLENGES.find((c) => c.id === page.challenge);
  if (!challenge) return null;
  const solved =
    status === 'done' && result !== null && solvedBy(config, result).includes(challenge.id);
  return (
    <section
      className="panel embed-challenge"
      aria-labelledby="embed-challenge-heading"
      data-testid="challenge"
      data-challenge={challenge.id}
      data-solved={solved}
    >
      <h2 id="embed-challenge-heading">Challenge: {challenge.title}</h2>
      <p>{challenge.goal}</p>
      <p role="status" className={solved ? 'solved' : 'field-hint'}>
        {solved
          ? '✓ Solved! You found an order of steps that does it.'
          : status === 'done' && result
            ? 'Not this time: Start over and try another order.'
            : ''}
      </p>
      {challenge.impossible && (
        <details>
          <summary>Stuck?</summary>
          <p>{challenge.impossible}</p>
        </details>
      )}
    </section>
  );
}
