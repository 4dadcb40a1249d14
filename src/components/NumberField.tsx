import { useState } from 'react';

/** A number field that keeps what the user typed, and only commits values that parse. */
export function NumberField(props: {
  label: string;
  value: number;
  step?: number;
  min?: number;
  max?: number;
  disabled?: boolean;
  title?: string;
  commit: (n: number) => void;
}) {
  const { label, value, step, min, max, disabled, title, commit } = props;
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <label className="field" title={title}>
      <span>{label}</span>
      <input
        disabled={disabled}
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
