import { useState } from 'react';

/** A number field that keeps what the user typed, and only commits values that parse. */
export function NumberField(props: {
  label: string;
  value: number;
  step?: number;
  min?: number;
  max?: number;
  commit: (n: number) => void;
}) {
  const { label, value, step, min, max, commit } = props;
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        inputMode="numeric"
        step={step}
        min={min}
        max={max}
        value={draft ?? String(value)}
        onChange={(e) => {
          setDraft(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(n)) commit(n);
        }}
        onBlur={() => setDraft(null)}
      />
    </label>
  );
}
