import { useId, useState } from 'react';
import type { z } from '../core/zod';
import { parseParam } from '../core/config';

interface Props {
  label: string;
  name: string;
  value: number;
  schema: z.ZodType<number>;
  disabled?: boolean;
  hint?: string;
  onCommit(value: number): void;
}

/**
 * A number input checked by the same schema as the URL: a bad entry is shown as invalid with
 * the reason and never reaches the run config.
 */
export function NumberField({ label, name, value, schema, disabled, hint, onCommit }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const parsed = draft === null ? null : parseParam(name, draft, schema);
  const error = parsed && !parsed.ok ? parsed.message.replace(/^Ignored /, '') : null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        value={draft ?? String(value)}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${id}-note` : undefined}
        onChange={(e) => {
          const text = e.target.value;
          const result = parseParam(name, text, schema);
          if (result.ok) {
            setDraft(null);
            if (result.value !== value) onCommit(result.value);
          } else setDraft(text);
        }}
        onBlur={() => setDraft(null)}
      />
      {(error || hint) && (
        <small id={`${id}-note`} className={error ? 'field-error' : 'field-hint'}>
          {error ?? hint}
        </small>
      )}
    </div>
  );
}
